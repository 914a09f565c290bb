import { setTimeout as sleep } from "node:timers/promises";
import { PermissionFlagsBits as P } from "discord.js";
import type { ServerContext } from "./context.js";
import { parseEmoji } from "./emoji.js";
import { startButton, startCommand } from "./invoke.js";
import { createMessage } from "./messages.js";
import type { OptionValue } from "./options.js";
import { channelPermissions } from "./permissions.js";
import type { InteractionOutcome, InteractionRecord, MessageRecord } from "./records.js";
import { addReaction, removeReaction } from "./routes/reactions.js";
import { buttonsOf, canSee, channelView, type MessageView, messageView } from "./views.js";

export interface WaitOptions {
  /** How long to wait for the bot; default 5000 ms. */
  timeoutMs?: number;
}

export interface Choice {
  name: string;
  value: string | number;
}

/** How long a reply must stay unchanged before it counts as final (bots often edit twice in a row). */
const SETTLE_MS = 30;

/** A guild member a test acts as: reacts, runs commands, clicks buttons, and reads what it can see. */
export class Member {
  constructor(
    private readonly ctx: ServerContext,
    readonly id: string,
    readonly username: string,
  ) {}

  async react(channelId: string, messageId: string, emoji: string): Promise<void> {
    addReaction(this.ctx, this.#message(channelId, messageId), this.id, parseEmoji(emoji));
  }

  async unreact(channelId: string, messageId: string, emoji: string): Promise<void> {
    removeReaction(this.ctx, this.#message(channelId, messageId), this.id, parseEmoji(emoji));
  }

  /** Post a message in a channel, as the member typing it. */
  async send(channelId: string, content: string): Promise<MessageView> {
    this.#require(channelId, P.SendMessages);
    const message = createMessage(this.ctx, channelId, this.id, { body: { content }, files: [] });
    return messageView(this.ctx.origin, message);
  }

  /** The channel's messages as this member sees them (their own ephemeral replies included), oldest first. */
  messages(channelId: string): MessageView[] {
    this.#require(channelId, P.ReadMessageHistory);
    return channelView(this.ctx.state, this.ctx.origin, channelId, this.id);
  }

  /** Close (or reopen) DMs from the bot, as a member's privacy setting does: sending then fails with 50007. */
  setDirectMessages(open: boolean): void {
    const user = this.ctx.state.users.get(this.id);
    if (user) user.dmsClosed = !open;
  }

  /** Messages the bot sent this member in DMs, oldest first. */
  directMessages(): MessageView[] {
    const dm = [...this.ctx.state.channels.values()].find(
      (c) => c.type === 1 && c.recipientIds.includes(this.id),
    );
    return dm ? channelView(this.ctx.state, this.ctx.origin, dm.id, this.id) : [];
  }

  /**
   * Run a slash command ("quiz" or "quiz answer" for a subcommand) and resolve with the reply as this
   * member sees it. A deferred reply resolves with the bot's edit; a reply edited right away with the last edit.
   */
  async runCommand(
    guildId: string,
    channelId: string,
    name: string,
    options: Record<string, OptionValue> = {},
    wait: WaitOptions = {},
  ): Promise<MessageView> {
    this.#require(channelId, P.UseApplicationCommands);
    const interaction = startCommand(this.ctx, this.id, guildId, channelId, name, options, null);
    return this.#reply(interaction, await this.#outcome(interaction, wait));
  }

  /** Type into an autocompleted option (`focused`) and resolve with the choices the bot offers. */
  async autocomplete(
    guildId: string,
    channelId: string,
    name: string,
    options: Record<string, OptionValue>,
    focused: string,
    wait: WaitOptions = {},
  ): Promise<Choice[]> {
    const interaction = startCommand(this.ctx, this.id, guildId, channelId, name, options, focused);
    const outcome = await this.#outcome(interaction, wait);
    if (outcome.kind !== "choices") throw new Error(`the bot answered autocomplete with ${outcome.kind}`);
    return outcome.choices;
  }

  /**
   * Click a button on a bot message, as Discord's client does: only a button that is on the message and
   * enabled can be clicked. Resolves with the reply, or the updated message.
   */
  async clickButton(channelId: string, messageId: string, customId: string, wait: WaitOptions = {}) {
    const message = this.#message(channelId, messageId);
    const button = buttonsOf(message).find((candidate) => candidate.customId === customId);
    if (!button) throw new Error(`message ${messageId} has no button with custom id ${customId}`);
    if (button.disabled) throw new Error(`the button ${customId} is disabled`);
    return this.#click(message, customId, wait);
  }

  /** Click the button with this label (the first one, row by row). */
  async clickButtonLabelled(channelId: string, messageId: string, label: string, wait: WaitOptions = {}) {
    const button = buttonsOf(this.#message(channelId, messageId)).find(
      (candidate) => candidate.label === label,
    );
    if (!button) throw new Error(`message ${messageId} has no button labelled ${label}`);
    return this.clickButton(channelId, messageId, button.customId, wait);
  }

  /**
   * A component interaction with any custom id on a message this member can see: what a modified client,
   * or a click on an outdated copy of the message, sends. The bot must not trust it.
   */
  async forgeButtonClick(channelId: string, messageId: string, customId: string, wait: WaitOptions = {}) {
    return this.#click(this.#message(channelId, messageId), customId, wait);
  }

  async #click(message: MessageRecord, customId: string, wait: WaitOptions) {
    const interaction = startButton(this.ctx, this.id, message, customId);
    return this.#reply(interaction, await this.#outcome(interaction, wait));
  }

  async #outcome(
    interaction: InteractionRecord,
    { timeoutMs = 5_000 }: WaitOptions,
  ): Promise<InteractionOutcome> {
    try {
      return await this.ctx.state.waitFor(
        () => interaction.outcome ?? undefined,
        timeoutMs,
        "the bot's answer",
      );
    } catch {
      const what =
        interaction.callbackType === null
          ? "The application did not respond"
          : `The bot acknowledged (callback type ${interaction.callbackType}) but never showed a reply`;
      throw new Error(`${what} to "${interaction.name}" within ${timeoutMs} ms`);
    }
  }

  async #reply(interaction: InteractionRecord, outcome: InteractionOutcome): Promise<MessageView> {
    if (outcome.kind !== "message")
      throw new Error(`"${interaction.name}" was answered with a ${outcome.kind}`);
    const message = this.ctx.state.messages.get(outcome.messageId);
    if (!message) throw new Error(`the reply to "${interaction.name}" was deleted`);
    let versions = -1;
    while (versions !== message.history.length) {
      versions = message.history.length;
      await sleep(SETTLE_MS);
    }
    return messageView(this.ctx.origin, message);
  }

  #message(channelId: string, messageId: string): MessageRecord {
    const message = this.ctx.state.messages.get(messageId);
    if (!message || message.channelId !== channelId || !canSee(this.ctx.state, message, this.id)) {
      throw new Error(`${this.username} cannot see message ${messageId} in channel ${channelId}`);
    }
    return message;
  }

  #require(channelId: string, permission: bigint): void {
    const granted = channelPermissions(this.ctx.state, channelId, this.id);
    if ((granted & permission) === 0n) {
      throw new Error(`${this.username} lacks permission ${permission} in channel ${channelId}`);
    }
  }
}
