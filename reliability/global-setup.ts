import type { TestProject } from 'vitest/node';
import { prepareTemplates } from './support.js';

/**
 * Seeds the demo data once per run (a first start seeds for a minute on a busy machine; a copy takes a second):
 * an embedded data folder and a PostgreSQL template database, each made by a real server start. Every test
 * copies them, so each test starts from the same known data.
 */
export default async function setup(project: TestProject) {
  const t = await prepareTemplates();
  project.provide('embeddedTemplate', t.embeddedDir);
  project.provide('postgresTemplate', t.postgresDb);
  return t.remove;
}

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedTemplate: string;
    postgresTemplate: string;
  }
}
