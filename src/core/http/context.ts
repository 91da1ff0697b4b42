import type { Config } from '../config/config.js';
import type { Backend, Db } from '../db/client.js';

/** What route plugins receive: the database, which engine it is, and the configuration. Nothing else is global. */
export interface AppContext {
  db: Db;
  backend: Backend;
  config: Config;
}
