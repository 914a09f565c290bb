import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { deleteMemberData, exportMemberData } from "../../privacy/member-data.js";
import { defineCommand } from "../command.js";
import type { ComponentHandler } from "../component.js";
import { UserError } from "../user-error.js";

const data = {
  name: "privacy",
  description: "See or delete what this bot stores about you",
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "export",
      description: "Get everything stored about you as a JSON file (only you see it)",
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "delete",
      description: "Delete everything stored about you, in every server (asks first)",
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const deleteWarning =
  "This deletes **everything** I store about you, in every server: your answers, points, streaks and " +
  "leaderboard places, study-group memberships, certifications, reminders and settings. It cannot be undone.";

export const privacyCommand = defineCommand({
  data,
  subcommands: {
    async export(interaction, _args, ctx) {
      const userId = interaction.user.id;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const exported = await exportMemberData(ctx.db, userId);
      const file = new AttachmentBuilder(Buffer.from(JSON.stringify(exported, null, 2)), {
        name: `certbot-data-${userId}.json`,
      });
      await interaction.editReply({
        content: "Everything I store about you, in every server (docs/PRIVACY.md says why and for how long).",
        files: [file],
      });
    },
    async delete(interaction) {
      const userId = interaction.user.id;
      const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder()
          .setCustomId(`privacy:delete:${userId}`)
          .setLabel("Delete my data")
          .setStyle(ButtonStyle.Danger),
        new ButtonBuilder()
          .setCustomId(`privacy:keep:${userId}`)
          .setLabel("Keep it")
          .setStyle(ButtonStyle.Secondary),
      );
      await interaction.reply({
        content: deleteWarning,
        components: [buttons],
        flags: MessageFlags.Ephemeral,
      });
    },
  },
});

/** The confirmation buttons of /privacy delete: `privacy:delete:<userId>` and `privacy:keep:<userId>`. */
export const privacyButtons: ComponentHandler = {
  feature: "privacy",
  async execute(interaction, { action, ids: [userId] }, ctx) {
    if (userId !== interaction.user.id) throw new UserError("This button belongs to someone else's request.");
    if (action === "keep") {
      await interaction.update({ content: "Nothing was deleted.", components: [] });
      return;
    }
    const { rows } = await deleteMemberData(ctx.db, userId);
    ctx.log.info({ rows }, "member data deleted on request");
    await interaction.update({
      content: `Done: everything I stored about you is deleted (${rows} records). If you answer again, I start afresh.`,
      components: [],
    });
  },
};
