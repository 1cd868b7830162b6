import Markdown from "react-markdown";

// What a comment may render: text structure, emphasis, code, quotes, lists and links. Raw HTML is
// dropped (skipHtml), images and headings are unwrapped to their text, and react-markdown's own URL
// filter leaves only safe protocols; links open without access to this page and carry no endorsement.
const ALLOWED = ["p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr"];

export function CommentMarkdown({ text }: { text: string }) {
  return (
    <div className="space-y-2 break-words text-sm leading-relaxed [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 dark:[&_code]:bg-slate-800 [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_ul]:list-disc [&_ul]:pl-5">
      <Markdown
        skipHtml
        allowedElements={ALLOWED}
        unwrapDisallowed
        components={{
          a: ({ href, children }) => (
            <a href={href} rel="noopener nofollow ugc" target="_blank" className="text-brand-600 underline dark:text-brand-100">
              {children}
            </a>
          ),
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}
