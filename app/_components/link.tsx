import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without prefetching. Every page is rendered per request and none has a loading state,
 * so a prefetch brings back little a click would not, yet each visible link sent two requests
 * through the front door and the layout's session read as the page loaded: 12 to 16 per page view, which
 * a whole team opening the same decision multiplies. A link can still ask for it with prefetch.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
