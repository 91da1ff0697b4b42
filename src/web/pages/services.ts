import type { ComponentType } from 'react';
import { faPages } from './fa.js';
import { IconAward, IconId, IconMessage, IconRanks, IconSearch, IconShield, IconTrophy, IconUser } from '../components/Icons.js';

export type PublicServiceKey = keyof typeof faPages.services;

export interface PublicService {
  key: PublicServiceKey;
  path: string;
  icon: ComponentType;
}

/** The public services, in the order the home page shows them. */
export const publicServices: PublicService[] = [
  { key: 'complaint', path: '/complaints/new', icon: IconMessage },
  { key: 'track', path: '/track', icon: IconSearch },
  { key: 'grades', path: '/grades', icon: IconRanks },
  { key: 'festival', path: '/festival', icon: IconTrophy },
  { key: 'showcase', path: '/showcase', icon: IconAward },
  { key: 'instructors', path: '/instructors', icon: IconUser },
  { key: 'trainingId', path: '/verify/training-id', icon: IconId },
  { key: 'amriyehCalls', path: '/amriyeh', icon: IconShield },
  { key: 'amriyeh', path: '/verify/amriyeh', icon: IconShield },
];
