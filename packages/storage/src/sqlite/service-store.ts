/** The service database as one object: a repository per concern over one SQLite file. */
import { Accounts } from './accounts.ts';
import { ApiKeys } from './api-keys.ts';
import { Comments } from './comments.ts';
import { randomId, type ServiceContext } from './context.ts';
import { openServiceDatabase } from './database.ts';
import { Library } from './library.ts';
import { Maps } from './maps.ts';
import { Workspaces } from './workspaces.ts';

export const SERVICE_DATABASE_FILE = 'touchline.sqlite';

export interface ServiceStoreOptions {
  /** Epoch milliseconds; defaults to the system clock. */
  now?: () => number;
  newId?: (prefix: string) => string;
}

export class ServiceStore {
  readonly accounts: Accounts;
  readonly workspaces: Workspaces;
  readonly apiKeys: ApiKeys;
  readonly maps: Maps;
  readonly comments: Comments;
  readonly library: Library;

  private constructor(
    context: ServiceContext,
    private readonly closeDatabase: () => void,
  ) {
    this.accounts = new Accounts(context);
    this.workspaces = new Workspaces(context);
    this.apiKeys = new ApiKeys(context);
    this.maps = new Maps(context);
    this.comments = new Comments(context);
    this.library = new Library(context);
  }

  /** Opens the SQLite file at `path` (`:memory:` for a throwaway one), migrating it when older. */
  static open(path: string, options: ServiceStoreOptions = {}): ServiceStore {
    const { db, sqlite } = openServiceDatabase(path);
    const context: ServiceContext = { db, now: options.now ?? Date.now, newId: options.newId ?? randomId };
    return new ServiceStore(context, () => sqlite.close());
  }

  close(): void {
    this.closeDatabase();
  }
}
