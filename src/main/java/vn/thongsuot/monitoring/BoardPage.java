package vn.thongsuot.monitoring;

import java.util.List;

/** One page of a board list, with the total for paging. */
public record BoardPage<T>(List<T> items, int page, int size, long total) {}
