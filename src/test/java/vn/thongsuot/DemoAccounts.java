package vn.thongsuot;

/**
 * The demo officials the tests sign in as. {@code DemoOfficials} creates them in the demo profile,
 * user id {@code cb.<unit group id>}, password {@code demo}; the administrator comes from
 * {@code application-demo.yaml}. One list, so a renamed demo account breaks here and nowhere else.
 */
public final class DemoAccounts {

  /** Every demo account's password, the administrator's included. */
  public static final String DEMO_PASSWORD = "demo";
  /** The demo administrator (Camunda's {@code camunda-admin} group). */
  public static final String ADMINISTRATOR = "demo";

  /** Phường Thành Đông, Hải Phòng (31): the commune the walkthroughs file from. */
  public static final String THANH_DONG = "cb.commune-10507";
  /** Phường Hải Dương, Hải Phòng (31): another commune of the same province. */
  public static final String HAI_DUONG = "cb.commune-10525";
  /** Phường Mũi Né, Lâm Đồng (68): a commune of the other demo province. */
  public static final String MUI_NE = "cb.commune-22918";

  /** Hải Phòng's finance department: the first rung of a finance issue from Thành Đông. */
  public static final String FINANCE_DEPARTMENT = "cb.province-31-finance";
  /** Hải Phòng's health department. */
  public static final String HEALTH_DEPARTMENT = "cb.province-31-health";
  /** Hải Phòng's People's Committee: the second rung. */
  public static final String PROVINCIAL_COMMITTEE = "cb.province-31-committee";
  /** The Ministry of Finance: the third rung of a finance issue. */
  public static final String FINANCE_MINISTRY = "cb.ministry-finance";
  /** The Ministry of Health. */
  public static final String HEALTH_MINISTRY = "cb.ministry-health";
  /** The Government Office, for the Government's rung. */
  public static final String GOVERNMENT_OFFICE = "cb.government-office";
  /** The National Assembly's office, for the last rung. */
  public static final String NATIONAL_ASSEMBLY = "cb.national-assembly";

  /** Lâm Đồng's finance department. */
  public static final String LAM_DONG_FINANCE_DEPARTMENT = "cb.province-68-finance";
  /** Lâm Đồng's People's Committee. */
  public static final String LAM_DONG_COMMITTEE = "cb.province-68-committee";

  /** The supervisor of Hải Phòng (31). */
  public static final String PROVINCE_SUPERVISOR = "cb.supervisor-province-31";
  /** The supervisor of Lâm Đồng (68). */
  public static final String LAM_DONG_SUPERVISOR = "cb.supervisor-province-68";
  /** The central supervisor, who watches every province. */
  public static final String CENTRAL_SUPERVISOR = "cb.supervisor-central";

  private DemoAccounts() {}
}
