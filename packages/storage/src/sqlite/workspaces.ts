/** Workspaces, who belongs to them with which role, and invitations to join. */
import type { User } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { reusableQuery } from './reusable-query.ts';
import type { Role } from './schema.ts';

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  createdAt: number;
}

export interface Member extends User {
  role: Role;
  joinedAt: number;
}

export interface Invitation {
  id: string;
  workspaceId: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  revokedAt: number | null;
}

// Asked on every request to a workspace: their SQL is built once.
const bySlugQuery = reusableQuery((db, slug: string) =>
  db.selectFrom('workspaces').selectAll().where('slug', '=', slug),
);
const roleQuery = reusableQuery((db, workspaceId: string, userId: string) =>
  db
    .selectFrom('memberships')
    .select('role')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId),
);

export class Workspaces {
  constructor(private readonly context: ServiceContext) {}

  async create(input: { slug: string; name: string }): Promise<Workspace> {
    const row = {
      id: this.context.newId('ws'),
      slug: input.slug,
      name: input.name,
      created_at: this.context.now(),
    };
    await this.context.db.insertInto('workspaces').values(row).execute();
    return toWorkspace(row);
  }

  async byId(id: string): Promise<Workspace | undefined> {
    const row = await this.context.db
      .selectFrom('workspaces')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toWorkspace(row);
  }

  async bySlug(slug: string): Promise<Workspace | undefined> {
    const [row] = await bySlugQuery(this.context.db, slug);
    return row && toWorkspace(row);
  }

  async slugs(): Promise<Set<string>> {
    const rows = await this.context.db.selectFrom('workspaces').select('slug').execute();
    return new Set(rows.map((r) => r.slug));
  }

  async all(): Promise<Workspace[]> {
    const rows = await this.context.db.selectFrom('workspaces').selectAll().orderBy('created_at').execute();
    return rows.map(toWorkspace);
  }

  async rename(id: string, name: string): Promise<void> {
    await this.context.db.updateTable('workspaces').set({ name }).where('id', '=', id).execute();
  }

  /** The workspaces a person belongs to, with their role in each. */
  async ofUser(userId: string): Promise<(Workspace & { role: Role })[]> {
    const rows = await this.context.db
      .selectFrom('memberships')
      .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
      .select([
        'workspaces.id',
        'workspaces.slug',
        'workspaces.name',
        'workspaces.created_at',
        'memberships.role',
      ])
      .where('memberships.user_id', '=', userId)
      .orderBy('workspaces.created_at')
      .execute();
    return rows.map((row) => ({ ...toWorkspace(row), role: row.role }));
  }

  async role(workspaceId: string, userId: string): Promise<Role | undefined> {
    const [row] = await roleQuery(this.context.db, workspaceId, userId);
    return row?.role;
  }

  /** Adds a member, or changes the role of one already there. */
  async setMember(workspaceId: string, userId: string, role: Role): Promise<void> {
    await this.context.db
      .insertInto('memberships')
      .values({ workspace_id: workspaceId, user_id: userId, role, created_at: this.context.now() })
      .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet({ role }))
      .execute();
  }

  async removeMember(workspaceId: string, userId: string): Promise<boolean> {
    const result = await this.context.db
      .deleteFrom('memberships')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async members(workspaceId: string): Promise<Member[]> {
    const rows = await this.context.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select([
        'users.id',
        'users.email',
        'users.name',
        'users.created_at',
        'memberships.role',
        'memberships.created_at as joined_at',
      ])
      .where('memberships.workspace_id', '=', workspaceId)
      .orderBy('memberships.created_at')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      name: row.name,
      createdAt: row.created_at,
      role: row.role,
      joinedAt: row.joined_at,
    }));
  }

  async countOwners(workspaceId: string): Promise<number> {
    const row = await this.context.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Workspaces nobody belongs to (the demo workspace before its first owner signs up). */
  async withoutMembers(): Promise<Workspace[]> {
    const rows = await this.context.db
      .selectFrom('workspaces')
      .selectAll()
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('memberships').select('user_id').whereRef('workspace_id', '=', 'workspaces.id'),
          ),
        ),
      )
      .execute();
    return rows.map(toWorkspace);
  }

  async invite(input: {
    workspaceId: string;
    email: string;
    role: Role;
    tokenHash: string;
    invitedBy: string;
    ttlMs: number;
  }): Promise<Invitation> {
    const now = this.context.now();
    const row = {
      id: this.context.newId('inv'),
      workspace_id: input.workspaceId,
      email: input.email.trim().toLowerCase(),
      role: input.role,
      token_hash: input.tokenHash,
      invited_by: input.invitedBy,
      created_at: now,
      expires_at: now + input.ttlMs,
    };
    await this.context.db.insertInto('invitations').values(row).execute();
    return toInvitation({ ...row, accepted_at: null, revoked_at: null });
  }

  async invitations(workspaceId: string): Promise<Invitation[]> {
    const rows = await this.context.db
      .selectFrom('invitations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toInvitation);
  }

  /** The open invitation with this token hash: not accepted, not revoked, not expired. */
  async openInvitation(tokenHash: string): Promise<Invitation | undefined> {
    const row = await this.context.db
      .selectFrom('invitations')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', this.context.now())
      .executeTakeFirst();
    return row && toInvitation(row);
  }

  /** Accepts an open invitation once: the person joins with the invited role. */
  async acceptInvitation(invitationId: string, userId: string): Promise<boolean> {
    return this.context.db.transaction().execute(async (trx) => {
      const now = this.context.now();
      const result = await trx
        .updateTable('invitations')
        .set({ accepted_at: now, accepted_by: userId })
        .where('id', '=', invitationId)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      const invitation = await trx
        .selectFrom('invitations')
        .select(['workspace_id', 'role'])
        .where('id', '=', invitationId)
        .executeTakeFirstOrThrow();
      const existing = await trx
        .selectFrom('memberships')
        .select('role')
        .where('workspace_id', '=', invitation.workspace_id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      // Accepting never lowers the role of someone already in the workspace.
      if (!existing) {
        await trx
          .insertInto('memberships')
          .values({
            workspace_id: invitation.workspace_id,
            user_id: userId,
            role: invitation.role,
            created_at: now,
          })
          .execute();
      }
      return true;
    });
  }

  async revokeInvitation(workspaceId: string, invitationId: string): Promise<boolean> {
    const result = await this.context.db
      .updateTable('invitations')
      .set({ revoked_at: this.context.now() })
      .where('id', '=', invitationId)
      .where('workspace_id', '=', workspaceId)
      .where('revoked_at', 'is', null)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toWorkspace(row: { id: string; slug: string; name: string; created_at: number }): Workspace {
  return { id: row.id, slug: row.slug, name: row.name, createdAt: row.created_at };
}

function toInvitation(row: {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  invited_by: string;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  revoked_at: number | null;
}): Invitation {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}
