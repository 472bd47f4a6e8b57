package gov.ice.registry.projection.work;

import java.util.List;

/** One page of a work queue: its items (the longest waiting first), how many the queue holds, the page (from 0) and its size. */
public record WorkPage(List<WorkEntry> items, long total, int page, int size) {}
