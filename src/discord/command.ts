import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { AppContext } from "../context.js";
import type { QuizServices } from "../quiz/lifecycle.js";
import type { ComponentHandler } from "./component.js";
import type { LinkedRoles } from "./linked-roles.js";
import { manageServer, requireManageServer } from "./permissions.js";
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

/** A slash command's definition, as registered with Discord. */
export type CommandData = RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * A slash command as the dispatcher sees it: its definition as data and its handler, in one file, with
 * no side effects on import. Commands are written with defineCommand, which types their options.
 */
export interface Command<D extends CommandData = CommandData> {
  data: D;
  /**
   * Who sees the command's answer (default: only the member). A command still working after
   * ~2 s is deferred this way by the dispatcher, so its answer keeps this visibility.
   */
  visibility?: Visibility | ((interaction: ChatInputCommandInteraction) => Visibility);
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
}

type Resolved = Required<CommandInteractionOption>;

/** What an option of the definition arrives as: a choice's value, or the resolved user, channel, role… */
type OptionValue<O> = O extends { readonly choices: readonly { readonly value: infer V }[] }
  ? V
  : O extends { readonly type: ApplicationCommandOptionType.String }
    ? string
    : O extends { readonly type: ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number }
      ? number
      : O extends { readonly type: ApplicationCommandOptionType.Boolean }
        ? boolean
        : O extends { readonly type: ApplicationCommandOptionType.User }
          ? Resolved["user"]
          : O extends { readonly type: ApplicationCommandOptionType.Channel }
            ? NonNullable<Resolved["channel"]>
            : O extends { readonly type: ApplicationCommandOptionType.Role }
              ? NonNullable<Resolved["role"]>
              : O extends { readonly type: ApplicationCommandOptionType.Attachment }
                ? Resolved["attachment"]
                : never;

/** The options of a definition by name, resolved; an option the member may leave out can be undefined. */
export type ArgsOf<Options> = Options extends readonly unknown[]
  ? {
      [O in Options[number] as O extends { readonly name: infer N extends string } ? N : never]: O extends {
        readonly required: true;
      }
        ? OptionValue<O>
        : OptionValue<O> | undefined;
    }
  : Record<never, never>;

/** A handler gets the interaction, its options already read and typed, and the context. */
export type Handler<Args> = (
  interaction: ChatInputCommandInteraction,
  args: Args,
  ctx: CommandContext,
) => Promise<void>;

type OptionsOf<T> = T extends { readonly options: infer Options } ? Options : undefined;
type SubcommandsOf<D> = Extract<
  OptionsOf<D> extends readonly (infer O)[] ? O : never,
  { readonly type: ApplicationCommandOptionType.Subcommand }
>;

/** A command with subcommands has one handler per subcommand, by name; any other command has one. */
export type Handlers<D> = [SubcommandsOf<D>] extends [never]
  ? { run: Handler<ArgsOf<OptionsOf<D>>> }
  : {
      subcommands: {
        [S in SubcommandsOf<D> as S extends { readonly name: infer N extends string } ? N : never]: Handler<
          ArgsOf<OptionsOf<S>>
        >;
      };
    };

/** The options of one subcommand of a definition, as its handler receives them. */
export type SubcommandArgs<D, N extends string> = ArgsOf<
  OptionsOf<Extract<SubcommandsOf<D>, { readonly name: N }>>
>;

export type CommandDefinition<D extends CommandData> = Omit<Command<D>, "execute"> & Handlers<D>;

type AnyHandler = Handler<Record<string, unknown>>;

/**
 * A command from its definition and typed handlers. Before a handler runs, a command whose definition
 * asks for Manage Server is checked again (server admins can override default_member_permissions), and
 * the options the definition declares are read from the interaction.
 */
export function defineCommand<const D extends CommandData>(definition: CommandDefinition<D>): Command<D> {
  const { data } = definition;
  // Erased once here: readOptions reads exactly the options whose types the handlers were checked against.
  const handlers = definition as unknown as { run?: AnyHandler; subcommands?: Record<string, AnyHandler> };
  return {
    data,
    ...(definition.visibility === undefined ? {} : { visibility: definition.visibility }),
    ...(definition.autocomplete === undefined ? {} : { autocomplete: definition.autocomplete }),
    async execute(interaction, ctx) {
      if (data.default_member_permissions === manageServer) requireManageServer(interaction);
      if (!handlers.subcommands) {
        await handlers.run?.(interaction, readOptions(interaction, data.options), ctx);
        return;
      }
      const name = interaction.options.getSubcommand(true);
      const subcommand = data.options?.find(
        (option) => option.type === ApplicationCommandOptionType.Subcommand && option.name === name,
      );
      const handler = handlers.subcommands[name];
      if (!handler || subcommand?.type !== ApplicationCommandOptionType.Subcommand)
        throw new Error(`/${data.name} has no subcommand ${name}`);
      await handler(interaction, readOptions(interaction, subcommand.options), ctx);
    },
  };
}

type Reader = (
  options: ChatInputCommandInteraction["options"],
  name: string,
  required: boolean,
) => string | number | boolean | object | null;

const readers: Partial<Record<ApplicationCommandOptionType, Reader>> = {
  [ApplicationCommandOptionType.String]: (options, name, required) => options.getString(name, required),
  [ApplicationCommandOptionType.Integer]: (options, name, required) => options.getInteger(name, required),
  [ApplicationCommandOptionType.Number]: (options, name, required) => options.getNumber(name, required),
  [ApplicationCommandOptionType.Boolean]: (options, name, required) => options.getBoolean(name, required),
  [ApplicationCommandOptionType.User]: (options, name, required) => options.getUser(name, required),
  [ApplicationCommandOptionType.Channel]: (options, name, required) => options.getChannel(name, required),
  [ApplicationCommandOptionType.Role]: (options, name, required) => options.getRole(name, required),
  [ApplicationCommandOptionType.Attachment]: (options, name, required) =>
    options.getAttachment(name, required),
};

/** Every option the definition declares, as the interaction carries it; a missing one is undefined. */
function readOptions(
  interaction: ChatInputCommandInteraction,
  declared: readonly APIApplicationCommandOption[] | undefined,
): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const option of declared ?? []) {
    const read = readers[option.type];
    if (read)
      args[option.name] = read(interaction.options, option.name, option.required === true) ?? undefined;
  }
  return args;
}
