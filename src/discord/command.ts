import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { AppContext } from "../context.js";
import type { QuizServices } from "../quiz/lifecycle.js";
import type { ComponentHandler } from "./component.js";

export interface CommandContext extends AppContext {
  /** Every registered command, so /help can describe them. */
  commands: readonly Command[];
  /** Every button handler, by the feature its custom ids start with. */
  components: readonly ComponentHandler[];
  /** For commands that post or close questions now. */
  quiz: QuizServices;
}

/** A slash command: its definition as data and its handler, in one file, with no side effects on import. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
}
