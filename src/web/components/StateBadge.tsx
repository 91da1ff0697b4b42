// The state of a case or an application on a light public page (plain markup; styled by styles/pages.css).
/** The state of a case or an application, as a coloured tag (`data-state` picks the colour). */
export function StateBadge({ state, title, className = 'cx-state' }: { state: string; title: string; className?: string }) {
  return (
    <span className={className} data-state={state} data-testid="state">
      {title}
    </span>
  );
}
