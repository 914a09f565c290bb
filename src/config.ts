import { existsSync, statSync } from "node:fs";
import { z } from "zod";
import { parseShardList } from "./shards.js";

/**
 * The only module that reads process.env. Everything else receives a Config.
 * A wrong value stops start-up with one line naming the variable and what to set.
 */
const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

const snowflake = z.string().regex(/^\d{17,20}$/, { error: "must be a Discord id (17–20 digits)" });

const isFolder = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

export const configSchema = z.object({
  DISCORD_TOKEN: z
    .string({
      error: "is not set: put your bot token from the Discord Developer Portal in .env or the environment",
    })
    .min(1, { error: "is empty: set it to your bot token from the Discord Developer Portal" }),
  DISCORD_API_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ error: "must be a URL such as http://127.0.0.1:3000/api" }).optional(),
  ),
  DISCORD_DEV_GUILD_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
  REGISTER_COMMANDS: z.preprocess(emptyAsUndefined, booleanFlag.default(true)),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, {
        error: "must start with postgres:// (leave it unset to use the embedded database)",
      })
      .optional(),
  ),
  SHARD_COUNT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a whole number of shards, 1 or more" })
      .int({ error: "must be a whole number of shards, 1 or more" })
      .min(1, { error: "must be a whole number of shards, 1 or more" })
      .optional(),
  ),
  SHARDS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .transform((text, context) => {
        try {
          return parseShardList(text);
        } catch (error) {
          context.addIssue({ code: "custom", message: (error as Error).message });
          return z.NEVER;
        }
      })
      .optional(),
  ),
  DISCORD_REQUESTS_PER_SECOND: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a number of requests per second, above 0 and at most 50" })
      .gt(0, { error: "must be above 0" })
      .max(50, { error: "must be at most 50, Discord's limit for a whole bot" })
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data")),
  QUESTIONS_DIR: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default("./questions")
      .refine(isFolder, {
        error: (issue) =>
          `is '${String(issue.input)}', which is not a folder: set it to the question bank folder (default ./questions)`,
      }),
  ),
  HEALTH_PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a port number (1–65535), or empty to turn /healthz and /metrics off" })
      .int({ error: "must be a whole port number" })
      .min(0, { error: "must be a port number (1–65535)" })
      .max(65535, { error: "must be a port number (1–65535)" })
      .optional(),
  ),
  HEALTH_HOST: z.preprocess(emptyAsUndefined, z.string().default("127.0.0.1")),
  GUILD_DATA_RETENTION_DAYS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a number of days" })
      .int({ error: "must be a whole number of days" })
      .min(0, { error: "must be 0 or more days" })
      .default(30),
  ),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The part the database tools need: they run without a Discord token. */
export const databaseConfigSchema = configSchema.pick({
  DATABASE_URL: true,
  DATA_DIR: true,
  LOG_LEVEL: true,
});
export type DatabaseConfig = z.infer<typeof databaseConfigSchema>;

type Env = Record<string, string | undefined>;

/** Parses an environment; throws a ConfigError whose message is one line per problem. */
export function parseConfig(env: Env): Config;
export function parseConfig<S extends z.ZodType>(env: Env, schema: S): z.infer<S>;
export function parseConfig(env: Env, schema: z.ZodType = configSchema): unknown {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new ConfigError(`Configuration error: ${lines.join("; ")}`);
}

/**
 * The file of variables to read: ENV_FILE, default .env; ENV_FILE=none reads no file (tests, and
 * deployments whose environment is set by the platform). Variables already set win over the file.
 */
function envFileOf(env: Env): string | undefined {
  const chosen = env.ENV_FILE === undefined || env.ENV_FILE === "" ? ".env" : env.ENV_FILE;
  return chosen === "none" ? undefined : chosen;
}

function readEnv(envFile = envFileOf(process.env)): Env {
  if (envFile !== undefined && existsSync(envFile)) process.loadEnvFile(envFile);
  return process.env;
}

/** Reads the env file (when present) into process.env, then parses it. */
export function loadConfig(envFile?: string): Config {
  return parseConfig(readEnv(envFile));
}

export function loadDatabaseConfig(envFile?: string): DatabaseConfig {
  return parseConfig(readEnv(envFile), databaseConfigSchema);
}

/**
 * `npm start` without a token on a developer's machine is most likely someone trying the bot out: the
 * one line also offers the playground. Never in production (the Docker image sets NODE_ENV=production).
 */
export function withPlaygroundOffer(error: ConfigError, env: Env = process.env): string {
  if (env.DISCORD_TOKEN || env.NODE_ENV === "production") return error.message;
  return `${error.message} — or try the bot in your browser without a Discord application: npm run playground`;
}

/** The playground's bot: its Discord is the local server, so only the log level comes from the environment. */
export function playgroundConfig(
  fixed: Pick<Config, "DISCORD_TOKEN" | "QUESTIONS_DIR"> & {
    DISCORD_API_URL: string;
    DISCORD_DEV_GUILD_ID: string;
  },
  envFile = ".env",
): Config {
  const env = readEnv(envFile);
  return parseConfig({ LOG_LEVEL: env.LOG_LEVEL ?? "warn", ...fixed });
}
