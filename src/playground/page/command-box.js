import { h } from "./render.js";

/**
 * The message bar: plain text is sent as a message; "/" opens the registered commands, and a chosen
 * command shows a field per option (choices, autocomplete, channels and members as pickers).
 */

const SUBCOMMAND = 1;
const GROUP = 2;
const TYPES = { STRING: 3, INTEGER: 4, BOOLEAN: 5, USER: 6, CHANNEL: 7, ROLE: 8, MENTIONABLE: 9, NUMBER: 10 };

/** Every runnable path ("quiz setup", "help") with its leaf options, from the registered commands. */
export function commandPaths(commands) {
  const paths = [];
  const walk = (prefix, description, options) => {
    const nested = options.filter((o) => o.type === SUBCOMMAND || o.type === GROUP);
    if (nested.length === 0) return paths.push({ path: prefix, description, options });
    for (const option of nested) walk(`${prefix} ${option.name}`, option.description, option.options ?? []);
  };
  for (const command of commands) walk(command.name, command.description, command.options ?? []);
  return paths;
}

/** api: { run(path, values), send(text), autocomplete(path, values, focused) }; world(): the page's world. */
export function createCommandBox(root, api, world) {
  const input = h("input", {
    className: "message-input",
    id: "message-input",
    autocomplete: "off",
    placeholder: "Message, or / for commands",
    "aria-label": "Message or slash command",
  });
  const picker = h("ul", {
    className: "command-picker",
    id: "command-picker",
    role: "listbox",
    hidden: true,
  });
  const form = h("form", { className: "command-form", id: "command-form", hidden: true });
  const status = h("div", { className: "command-status", id: "command-status", role: "status" });
  root.append(picker, form, h("div", { className: "message-bar" }, input), status);
  let chosen = null;

  const say = (text, kind = "info") => {
    status.textContent = text;
    status.dataset.kind = kind;
  };

  const showPicker = () => {
    const typed = input.value.slice(1).trim().toLowerCase();
    const matches = commandPaths(world().commands).filter(
      (p) => p.path.startsWith(typed) || p.path.includes(` ${typed}`),
    );
    picker.replaceChildren(
      ...matches.slice(0, 30).map((p) =>
        h(
          "li",
          {
            role: "option",
            "data-command": p.path,
            onmousedown: (event) => {
              event.preventDefault();
              choose(p);
            },
          },
          h("span", { className: "command-path" }, `/${p.path}`),
          h("span", { className: "command-description" }, p.description ?? ""),
        ),
      ),
    );
    picker.hidden = matches.length === 0;
  };

  const choose = (path, values = {}) => {
    chosen = path;
    input.value = `/${path.path} `;
    picker.hidden = true;
    form.replaceChildren(
      h("div", { className: "form-title" }, h("strong", {}, `/${path.path}`), ` ${path.description ?? ""}`),
      ...path.options.map((option) => field(option, values[option.name])),
      h(
        "div",
        { className: "form-actions" },
        h("button", { type: "submit", className: "button primary", id: "run-command" }, "Run"),
        h("button", { type: "button", className: "button secondary", onclick: reset }, "Cancel"),
      ),
    );
    form.hidden = false;
    form.querySelector("input, select")?.focus();
  };

  const field = (option, preset) => {
    const id = `option-${option.name}`;
    const label = h(
      "label",
      { for: id },
      option.name,
      option.required ? h("span", { className: "required" }, " *") : null,
    );
    const hint = h("div", { className: "option-description" }, option.description ?? "");
    let control;
    const choices = option.choices ?? pickerChoices(option, world());
    if (choices) {
      control = h(
        "select",
        { id, name: option.name, "data-type": option.type },
        h("option", { value: "" }, option.required ? "choose…" : "—"),
        ...choices.map((c) =>
          h("option", { value: String(c.value), selected: String(c.value) === String(preset) }, c.name),
        ),
      );
    } else {
      const numeric = option.type === TYPES.INTEGER || option.type === TYPES.NUMBER;
      control = h("input", {
        id,
        name: option.name,
        "data-type": option.type,
        type: numeric ? "number" : "text",
        value: preset ?? "",
        autocomplete: "off",
        min: option.min_value,
        max: option.max_value,
        maxlength: option.max_length,
      });
      if (option.autocomplete) return autocompleted(option, control, label, hint);
    }
    return h("div", { className: "option" }, label, control, hint);
  };

  const autocompleted = (option, control, label, hint) => {
    const list = h("ul", { className: "suggestions", hidden: true });
    let timer;
    const suggest = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        // The command may have been run or cancelled since the field was typed in.
        if (!chosen || !control.isConnected) return;
        try {
          const choices = await api.autocomplete(chosen.path, values(), option.name);
          if (!control.isConnected) return;
          list.replaceChildren(
            ...choices.map((c) =>
              h(
                "li",
                {
                  "data-value": String(c.value),
                  onmousedown: (event) => {
                    event.preventDefault();
                    control.value = String(c.value);
                    list.hidden = true;
                  },
                },
                c.name,
              ),
            ),
          );
          list.hidden = choices.length === 0;
        } catch (error) {
          say(error.message, "error");
        }
      }, 150);
    };
    control.addEventListener("input", suggest);
    control.addEventListener("focus", suggest);
    control.addEventListener("blur", () => setTimeout(() => (list.hidden = true), 100));
    return h("div", { className: "option autocomplete" }, label, control, list, hint);
  };

  /** The form's filled-in options, typed as the command declares them. */
  const values = () => {
    const out = {};
    for (const control of form.querySelectorAll("[data-type]")) {
      if (control.value === "") continue;
      const type = Number(control.dataset.type);
      if (type === TYPES.INTEGER || type === TYPES.NUMBER) out[control.name] = Number(control.value);
      else if (type === TYPES.BOOLEAN) out[control.name] = control.value === "true";
      else out[control.name] = control.value;
    }
    return out;
  };

  const reset = () => {
    chosen = null;
    input.value = "";
    form.hidden = true;
    picker.hidden = true;
    form.replaceChildren();
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const path = chosen;
    const filled = values();
    reset();
    say(`Running /${path.path}…`);
    try {
      await api.run(path.path, filled);
      say("");
    } catch (error) {
      say(error.message, "error");
    }
  });

  input.addEventListener("input", () => {
    if (input.value.startsWith("/") && !(chosen && input.value.startsWith(`/${chosen.path} `))) {
      chosen = null;
      form.hidden = true;
      showPicker();
    } else if (!input.value.startsWith("/")) {
      picker.hidden = true;
    }
  });
  input.addEventListener("keydown", async (event) => {
    if (event.key === "Escape") return reset();
    if (event.key !== "Enter") return;
    event.preventDefault();
    if (input.value.startsWith("/")) {
      const typed = input.value.slice(1).trim();
      const path =
        commandPaths(world().commands).find((p) => p.path === typed) ?? (picker.hidden ? null : null);
      if (path && !chosen) choose(path);
      else if (chosen) form.requestSubmit();
      return;
    }
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    try {
      await api.send(text);
    } catch (error) {
      say(error.message, "error");
    }
  });

  return {
    /** Open a command with some options filled in (the "try this" list uses it). */
    open(pathName, preset = {}) {
      const path = commandPaths(world().commands).find((p) => p.path === pathName);
      if (path) choose(path, preset);
      else say(`/${pathName} is not registered (yet)`, "error");
    },
    say,
  };
}

/** Options that name a channel, member or role, or a boolean, become a picker of what exists. */
function pickerChoices(option, world) {
  if (option.type === TYPES.BOOLEAN)
    return [
      { name: "True", value: "true" },
      { name: "False", value: "false" },
    ];
  if (option.type === TYPES.CHANNEL) return world.channels.map((c) => ({ name: `#${c.name}`, value: c.id }));
  if (option.type === TYPES.USER || option.type === TYPES.MENTIONABLE)
    return world.members.map((m) => ({ name: `@${m.username}`, value: m.id }));
  return null;
}
