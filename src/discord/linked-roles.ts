import type { GuildMember } from "discord.js";

/**
 * The roles linked to a study group, in every server this process serves. The member cache keeps the
 * holders of these roles (and nothing else but the bot itself), because a role-linked group counts the
 * holders the bot has seen. Loaded at start, added to when a group is linked here, and learned from the
 * groups a command reads (a role linked by another process is kept from then on).
 */
export class LinkedRoles {
  readonly #ids = new Set<string>();

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) this.#ids.add(id);
  }

  add(roleId: string): void {
    this.#ids.add(roleId);
  }

  /** Whether the member holds a linked role (no role objects are built when none is linked). */
  heldBy(member: GuildMember): boolean {
    if (this.#ids.size === 0) return false;
    return member.roles.cache.some((role) => this.#ids.has(role.id));
  }
}
