import { markdown } from "./markdown.js";

/** Messages as Discord draws them: author line, content, embeds, pictures, buttons, reactions. */

/** A DOM element; children are nodes or plain text (never parsed as HTML). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "className") element.className = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) element.append(child);
  }
  return element;
}

/** Markdown into an element: markdown() escapes the source first, so this is the only innerHTML. */
function rich(tag, className, source, ctx) {
  const element = h(tag, { className });
  element.innerHTML = markdown(source, ctx.names, ctx.now());
  return element;
}

const AVATAR_COLOURS = ["#5865f2", "#3ba55c", "#faa61a", "#ed4245", "#eb459e", "#00a8fc"];

export function avatar(user) {
  const name = user?.username ?? "?";
  const colour =
    AVATAR_COLOURS[[...name].reduce((sum, c) => sum + c.charCodeAt(0), 0) % AVATAR_COLOURS.length];
  const element = h("div", { className: "avatar", "aria-hidden": "true" }, name.slice(0, 1).toUpperCase());
  element.style.background = colour;
  return element;
}

/**
 * ctx: { names, now(), user(id), viewerId, react(message, emoji, add), click(message, customId), dismiss(id) }
 */
export function renderMessage(message, ctx) {
  const author = ctx.user(message.authorId);
  const classes = ["message", message.ephemeral ? "ephemeral" : "", message.interaction ? "reply" : ""];
  const header = h(
    "div",
    { className: "message-header" },
    h("span", { className: `author${author?.bot ? " bot" : ""}` }, author?.username ?? "unknown"),
    author?.bot ? h("span", { className: "bot-tag" }, "APP") : null,
    h(
      "time",
      { className: "sent-at" },
      new Date(message.createdAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }),
    ),
    message.edited ? h("span", { className: "edited" }, "(edited)") : null,
  );
  const used = message.interaction
    ? h(
        "div",
        { className: "interaction-line" },
        `↳ ${ctx.user(message.interaction.userId)?.username ?? "someone"} used `,
        h("span", { className: "command-name" }, `/${message.interaction.name}`),
      )
    : null;
  const body = h("div", { className: "message-body" }, used, header);
  if (message.loading)
    body.append(h("div", { className: "thinking" }, `${author?.username ?? "The bot"} is thinking…`));
  if (message.content) body.append(rich("div", "content", message.content, ctx));
  for (const embed of message.embeds) body.append(renderEmbed(embed, message, ctx));
  const embedded = new Set(message.embeds.flatMap((e) => [e.image?.url, e.thumbnail?.url]).filter(Boolean));
  for (const file of message.attachments) {
    if (embedded.has(`attachment://${file.filename}`)) continue;
    body.append(renderAttachment(file));
  }
  for (const row of message.components) body.append(renderRow(row, message, ctx));
  if (message.reactions.length > 0) body.append(renderReactions(message, ctx));
  if (message.ephemeral) {
    body.append(
      h(
        "div",
        { className: "ephemeral-note" },
        "👁 Only you can see this · ",
        h(
          "button",
          { className: "link", type: "button", onclick: () => ctx.dismiss(message.id) },
          "Dismiss message",
        ),
      ),
    );
  }
  return h(
    "article",
    { className: classes.filter(Boolean).join(" "), "data-message-id": message.id },
    avatar(author),
    body,
  );
}

function renderEmbed(embed, message, ctx) {
  const box = h("div", { className: "embed" });
  if (embed.color !== undefined) box.style.borderLeftColor = `#${embed.color.toString(16).padStart(6, "0")}`;
  if (embed.author?.name) box.append(h("div", { className: "embed-author" }, embed.author.name));
  if (embed.title) {
    const title = rich("div", "embed-title", embed.title, ctx);
    box.append(
      safeUrl(embed.url)
        ? h("a", { href: embed.url, target: "_blank", rel: "noopener noreferrer" }, title)
        : title,
    );
  }
  if (embed.description) box.append(rich("div", "embed-description", embed.description, ctx));
  if (embed.fields?.length) {
    const fields = h("div", { className: "embed-fields" });
    for (const field of embed.fields) {
      fields.append(
        h(
          "div",
          { className: `embed-field${field.inline ? " inline" : ""}` },
          rich("div", "embed-field-name", field.name, ctx),
          rich("div", "embed-field-value", field.value, ctx),
        ),
      );
    }
    box.append(fields);
  }
  const image = pictureUrl(embed.image?.url, message);
  if (image)
    box.append(
      h("img", { className: "embed-image", src: image, alt: embed.image.url.replace("attachment://", "") }),
    );
  const thumbnail = pictureUrl(embed.thumbnail?.url, message);
  if (thumbnail) box.prepend(h("img", { className: "embed-thumbnail", src: thumbnail, alt: "" }));
  const footer = [
    embed.footer?.text,
    embed.timestamp ? new Date(embed.timestamp).toLocaleString() : null,
  ].filter(Boolean);
  if (footer.length) box.append(h("div", { className: "embed-footer" }, footer.join(" · ")));
  return box;
}

/** `attachment://name.png` points at the message's own upload; other pictures only from http(s). */
function pictureUrl(url, message) {
  if (!url) return null;
  if (url.startsWith("attachment://")) {
    const name = url.slice("attachment://".length);
    return message.attachments.find((a) => a.filename === name)?.url ?? null;
  }
  return safeUrl(url) ? url : null;
}

function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//.test(url);
}

function renderAttachment(file) {
  if (file.contentType.startsWith("image/"))
    return h("img", { className: "attachment-image", src: file.url, alt: file.filename });
  return h(
    "a",
    { className: "attachment-file", href: file.url, download: file.filename },
    `📎 ${file.filename}`,
  );
}

const BUTTON_STYLES = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link" };

function renderRow(row, message, ctx) {
  const element = h("div", { className: "component-row" });
  for (const component of row.components ?? []) {
    if (component.type !== 2) {
      element.append(h("div", { className: "unsupported" }, "(a select menu: not shown in the playground)"));
      continue;
    }
    const label = [component.emoji?.name, component.label].filter(Boolean).join(" ");
    const style = BUTTON_STYLES[component.style] ?? "secondary";
    if (style === "link") {
      element.append(
        safeUrl(component.url)
          ? h(
              "a",
              {
                className: "button link-button",
                href: component.url,
                target: "_blank",
                rel: "noopener noreferrer",
              },
              `${label} ↗`,
            )
          : h("span", { className: "button link-button" }, label),
      );
      continue;
    }
    element.append(
      h(
        "button",
        {
          type: "button",
          className: `button ${style}`,
          disabled: Boolean(component.disabled),
          "data-custom-id": component.custom_id,
          onclick: () => ctx.click(message, component.custom_id),
        },
        label,
      ),
    );
  }
  return element;
}

function renderReactions(message, ctx) {
  const element = h("div", { className: "reactions" });
  for (const reaction of message.reactions) {
    const emoji = reaction.emoji.includes(":") ? `:${reaction.emoji.split(":")[0]}:` : reaction.emoji;
    element.append(
      h(
        "button",
        {
          type: "button",
          className: `reaction${reaction.me ? " mine" : ""}`,
          "data-emoji": reaction.emoji,
          "aria-pressed": reaction.me ? "true" : "false",
          title: reaction.me ? "Remove your reaction" : "React",
          onclick: () => ctx.react(message, reaction.emoji, !reaction.me),
        },
        h("span", { className: "reaction-emoji" }, emoji),
        h("span", { className: "reaction-count" }, String(reaction.count)),
      ),
    );
  }
  return element;
}
