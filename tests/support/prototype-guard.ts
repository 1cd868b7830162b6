/**
 * Detects and undoes writes to Object.prototype, so a test that proves a pollution bug fails on
 * its own assertion instead of breaking every test that runs after it.
 */
const pristine = new Map(Object.getOwnPropertyNames(Object.prototype).map((key) => [key, Object.getOwnPropertyDescriptor(Object.prototype, key)!]));

/** Keys added to or changed on Object.prototype since this module loaded. */
export function prototypeChanges(): string[] {
  const changed: string[] = [];
  for (const key of Object.getOwnPropertyNames(Object.prototype)) {
    const before = pristine.get(key);
    const now = Object.getOwnPropertyDescriptor(Object.prototype, key)!;
    if (!before || before.value !== now.value || before.get !== now.get || before.set !== now.set) changed.push(key);
  }
  return changed;
}

export function restorePrototype(): void {
  for (const key of prototypeChanges()) {
    const before = pristine.get(key);
    if (before) Object.defineProperty(Object.prototype, key, before);
    else delete (Object.prototype as Record<string, unknown>)[key];
  }
}

/** What a fresh object looks like to code that does not know about the attack. */
export function freshObjectIsClean(): boolean {
  const fresh: Record<string, unknown> = {};
  const inherited: string[] = [];
  for (const key in fresh) inherited.push(key);
  return inherited.length === 0 && fresh.toString === pristine.get("toString")!.value && String(fresh) === "[object Object]";
}
