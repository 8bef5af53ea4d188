package vn.thongsuot.calendar;

/**
 * An administrator loaded a new calendar version (published inside the loading transaction): the
 * open deadlines it affects are to be counted again. The escalation feature listens and starts the
 * recount as engine jobs in the same transaction, so a version never exists without its recount.
 *
 * @param source the document the version comes from, as the administrator named it; the timeline
 *     of every issue whose deadline moves quotes it
 */
public record CalendarVersionLoaded(int version, String source) {}
