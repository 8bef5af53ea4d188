package vn.thongsuot.notification;

/** Why a person gets a mail; the templates word the mail accordingly. */
public enum RecipientRole {
  /** A member of the unit that holds (or held) the task. */
  UNIT,
  /** The official who claimed the task: the mail goes to them instead of their whole unit. */
  ASSIGNEE,
  /** A member of a supervising body (provincial or central inspection and organisation committees). */
  SUPERVISOR,
  /** A member of the commune that filed the issue. */
  COMMUNE
}
