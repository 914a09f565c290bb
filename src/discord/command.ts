import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { AppContext } from "../context.js";
import type { QuizServices } from "../quiz/lifecycle.js";
import type { ComponentHandler } from "./component.js";
import type { LinkedRoles } from "./linked-roles.js";
import type { Visibility } from "./reply.js";

export interface CommandContext extends AppContext {
  /** Every registered command, so /help can describe them. */
  commands: readonly Command[];
  /** Every button handler, by the feature its custom ids start with. */
  components: readonly ComponentHandler[];
  /** For commands that post or close questions now. */
  quiz: QuizServices;
  /** Roles linked to study groups, whose holders the member cache keeps. */
  linkedRoles: LinkedRoles;
}

/** A slash command: its definition as data and its handler, in one file, with no side effects on import. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /**
   * Who sees the command's answer (default: only the member). A command still working after
   * ~2 s is deferred this way by the dispatcher, so its answer keeps this visibility.
   */
  visibility?: Visibility | ((interaction: ChatInputCommandInteraction) => Visibility);
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
}
