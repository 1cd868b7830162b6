"use client";

import { useActionState, useEffect, useRef } from "react";
import { ActionForm, FormMessage, initialFormState, SubmitButton, TextAreaField } from "@/app/_components/form";
import { COMMENT_MAX_LENGTH } from "@/lib/domain/discussion";
import { addCommentAction } from "../actions/add-comment";
import { editCommentAction } from "../actions/edit-comment";
import { removeCommentAction } from "../actions/remove-comment";

type Ref = { teamId: string; decisionId: string };

export function AddCommentForm({ teamId, decisionId, optionId, hint }: Ref & { optionId: string | null; hint: string }) {
  const [state, action] = useActionState(addCommentAction, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  // A posted comment is in the thread now: the box empties for the next one.
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <ActionForm ref={form} action={action} className="mt-4 space-y-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="decisionId" value={decisionId} />
      {optionId ? <input type="hidden" name="optionId" value={optionId} /> : null}
      <TextAreaField
        label="Add to the discussion"
        name="body"
        rows={3}
        required
        maxLength={COMMENT_MAX_LENGTH}
        hint={hint}
        defaultValue={state.ok ? undefined : state.values?.body}
        error={state.fieldErrors?.body}
      />
      <SubmitButton pendingLabel="Posting…">Post comment</SubmitButton>
      <FormMessage state={state} />
    </ActionForm>
  );
}

export function EditCommentForm({ teamId, decisionId, commentId, body }: Ref & { commentId: string; body: string }) {
  const [state, action] = useActionState(editCommentAction, initialFormState);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-600 dark:text-brand-100">Edit</summary>
      <ActionForm action={action} className="mt-2 space-y-2">
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="decisionId" value={decisionId} />
        <input type="hidden" name="commentId" value={commentId} />
        <TextAreaField
          label="Your comment"
          name="body"
          rows={3}
          required
          maxLength={COMMENT_MAX_LENGTH}
          defaultValue={state.values?.body ?? body}
          error={state.fieldErrors?.body}
        />
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save changes
        </SubmitButton>
        <FormMessage state={state} />
      </ActionForm>
    </details>
  );
}

export function RemoveCommentForm({ teamId, decisionId, commentId }: Ref & { commentId: string }) {
  const [state, action] = useActionState(removeCommentAction, initialFormState);
  return (
    <ActionForm action={action} confirmMessage="Remove your comment? Its words are deleted; the history keeps that a comment was removed." className="text-sm">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <input type="hidden" name="commentId" value={commentId} />
      <SubmitButton variant="secondary" pendingLabel="Removing…" className="px-2 py-1 text-xs">
        Remove
      </SubmitButton>
      <FormMessage state={state} />
    </ActionForm>
  );
}
