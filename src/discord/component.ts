import type { ButtonInteraction } from "discord.js";
import type { CommandContext } from "./command.js";

/**
 * A button's custom id is `<feature>:<action>:<ids…>`: ids of rows the handler checks against the
 * database, never an answer or anything a member could forge into a score.
 */
export interface ComponentRoute {
  feature: string;
  action: string;
  ids: string[];
}

/** The buttons of one feature (one file in components/), routed by the dispatcher like commands. */
export interface ComponentHandler {
  feature: string;
  execute(interaction: ButtonInteraction, route: ComponentRoute, ctx: CommandContext): Promise<void>;
}

/** Discord's limit on a custom id. */
const customIdLimit = 100;

export function customId(feature: string, action: string, ...ids: Array<string | number>): string {
  const id = [feature, action, ...ids].join(":");
  if (id.length > customIdLimit) throw new Error(`custom id ${id} is longer than ${customIdLimit}`);
  return id;
}

export function parseCustomId(id: string): ComponentRoute {
  const [feature = "", action = "", ...ids] = id.split(":");
  return { feature, action, ids };
}
