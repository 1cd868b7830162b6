/** One page of a list: what a page number asks of the database. */
export function pageWindow(page: number, size: number) {
  return { limit: size, offset: (page - 1) * size };
}

/** Where a list of `total` rows stands at `page`, for its page links. */
export function pageInfo(page: number, size: number, total: number) {
  return { page, pageCount: Math.max(1, Math.ceil(total / size)), total };
}

export type PageInfo = ReturnType<typeof pageInfo>;
