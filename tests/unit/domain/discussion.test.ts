import { describe, expect, test } from "vitest";
import { COMMENT_EDIT_WINDOW_MS, mayEditComment, mayRemoveComment, mentionedMembers, quotesAValue } from "../../../lib/domain/discussion";

const MEMBERS = [
  { userId: "ana", name: "Ana" },
  { userId: "ana-lee", name: "Ana Lee" },
  { userId: "ben", name: "Benedikt Vásquez" },
  { userId: "cleo", name: "Cleo" },
];

describe("mentions", () => {
  test("@ and a member's name, in any case, longest name first", () => {
    expect(mentionedMembers("@ana lee, what do you think? cc @Benedikt Vásquez", MEMBERS, "cleo").sort()).toEqual(["ana-lee", "ben"]);
    expect(mentionedMembers("@Ana: and you?", MEMBERS, "cleo")).toEqual(["ana"]);
  });

  test("not a name running on into more letters, not an email address, not oneself, each once", () => {
    expect(mentionedMembers("@Anabel and @Cleopatra", MEMBERS, "ben")).toEqual([]);
    expect(mentionedMembers("write to ana@example.com", MEMBERS, "ben")).toEqual([]);
    expect(mentionedMembers("@Cleo @cleo @CLEO", MEMBERS, "ben")).toEqual(["cleo"]);
    expect(mentionedMembers("@Cleo, noted", MEMBERS, "cleo")).toEqual([]);
    expect(mentionedMembers("@__proto__ @constructor @", MEMBERS, "cleo")).toEqual([]);
  });
});

describe("before the reveal, a comment says why, not how much", () => {
  test.each(["I'd give it 4/5", "3 out of 5 for me", "I scored it 2", "I gave Flask a 5", "weighted it 8", "honestly 4 stars", "I rated the docs 1"])(
    "%s quotes a value",
    (body) => expect(quotesAValue(body)).toBe(true),
  );
  test.each([
    "Flask has fewer batteries included",
    "Version 5 of Laravel dropped that",
    "We have 3 services on Node",
    "The score sheet is confusing",
    "give it 2 weeks",
    "we gave them 3 days",
  ])("%s does not", (body) => expect(quotesAValue(body)).toBe(false));
});

describe("editing and removing", () => {
  const written = new Date("2026-01-01T10:00:00Z");
  const comment = { authorId: "ana", createdAt: written, removedAt: null };
  test("its author edits for 15 minutes, and removes at any time", () => {
    expect(mayEditComment(comment, "ana", new Date(written.getTime() + COMMENT_EDIT_WINDOW_MS))).toBe(true);
    expect(mayEditComment(comment, "ana", new Date(written.getTime() + COMMENT_EDIT_WINDOW_MS + 1))).toBe(false);
    expect(mayEditComment(comment, "ben", written)).toBe(false);
    expect(mayRemoveComment(comment, "ana")).toBe(true);
    expect(mayRemoveComment(comment, "ben")).toBe(false);
    expect(mayRemoveComment({ ...comment, removedAt: written }, "ana")).toBe(false);
    expect(mayEditComment({ ...comment, removedAt: written }, "ana", written)).toBe(false);
  });
});
