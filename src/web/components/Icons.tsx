/** Small line icons drawn for the shell (24×24, currentColor, hidden from screen readers). */
import type { ReactNode } from 'react';

function Svg({ children, size = 24 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const IconMessage = () => (
  <Svg>
    <path d="M4 5h16v11H9l-5 4z" />
    <path d="M8 9h8M8 12h5" />
  </Svg>
);

export const IconSearch = () => (
  <Svg>
    <circle cx="11" cy="11" r="6" />
    <path d="m20 20-4.5-4.5" />
  </Svg>
);

export const IconAward = () => (
  <Svg>
    <circle cx="12" cy="9" r="5" />
    <path d="m9 13.5-1.5 7 4.5-2.5 4.5 2.5-1.5-7" />
  </Svg>
);

/** A cup on a stand (the festival of selected plans). */
export const IconTrophy = () => (
  <Svg>
    <path d="M8 4h8v5a4 4 0 0 1-8 0z" />
    <path d="M8 6H5a3 3 0 0 0 3 4M16 6h3a3 3 0 0 1-3 4M12 13v4M8 20h8M9.5 17h5" />
  </Svg>
);

/** Bars rising step by step (the grades of the municipalities). */
export const IconRanks = () => (
  <Svg>
    <path d="M4 20h16" />
    <rect x="5" y="13" width="3.5" height="7" rx="0.5" />
    <rect x="10.25" y="9" width="3.5" height="11" rx="0.5" />
    <rect x="15.5" y="4" width="3.5" height="16" rx="0.5" />
  </Svg>
);

export const IconId = () => (
  <Svg>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <circle cx="9" cy="11" r="2" />
    <path d="M6 16c.6-1.4 1.7-2 3-2s2.4.6 3 2M14 10h4M14 13h3" />
  </Svg>
);

export const IconShield = () => (
  <Svg>
    <path d="M12 3 5 6v5c0 4.5 3 8 7 10 4-2 7-5.5 7-10V6z" />
    <path d="m9 12 2 2 4-4" />
  </Svg>
);

export const IconInbox = () => (
  <Svg>
    <path d="M4 13h4l1.5 3h5L16 13h4" />
    <path d="M5.5 5h13L20 13v6H4v-6z" />
  </Svg>
);

export const IconClock = () => (
  <Svg>
    <circle cx="12" cy="12" r="8" />
    <path d="M12 8v4l3 2" />
  </Svg>
);

export const IconUser = () => (
  <Svg>
    <circle cx="12" cy="8" r="4" />
    <path d="M5 20c1-3.5 3.8-5 7-5s6 1.5 7 5" />
  </Svg>
);
