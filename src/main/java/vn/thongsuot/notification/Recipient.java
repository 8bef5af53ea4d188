package vn.thongsuot.notification;

/** A person with a mail address, from Camunda's identity service. */
record Recipient(String userId, String email) {}
