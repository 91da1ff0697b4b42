// The platform's mark, in its own module: the shell (in every page's first chunk) draws it, while the line icons
// of Icons.tsx are only needed by the pages that show them.
/** The platform's mark: two roofs, a city and a village, on one ground line. */
export const Logo = ({ className }: { className?: string }) => (
  <svg className={className} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
    <rect width="64" height="64" rx="14" fill="#ffffff" />
    <path d="M14 48V30l10-8 10 8v18zM34 48V20l8-6 8 6v28z" fill="#0f6f7a" />
    <path d="M10 50h44" stroke="#0f6f7a" strokeWidth="4" strokeLinecap="round" />
  </svg>
);
