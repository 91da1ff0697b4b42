import { useEffect } from 'react';
import { fa } from '../fa.js';

/** Set the tab title for the page: «عنوان صفحه — شهرده». */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} — ${fa.app.name}` : `${fa.app.name} — ${fa.app.fullName}`;
  }, [title]);
}
