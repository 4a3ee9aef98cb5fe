// Bounded work per request, enforced while it runs: every resolved field and every character
// of text counts against the request's budget, and the request's wall-clock deadline is
// checked as fields resolve. Once either runs out, the remaining fields stop at once and the answer
// is one clear error instead of a partial result. The deadline spares one thing: the answer of a
// write that committed (cut, it would leave the client in doubt whether the write happened).
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { apiLimits } from '../config.ts';

export class RequestBudget {
  private fields = 0;
  private textBytes = 0;
  /** Why the request was stopped, once it has been. */
  stopped: GraphQLError | undefined;
  /** The root fields (response keys) answered past the deadline: writes that committed. */
  private readonly spared = new Set<string>();

  constructor(
    readonly deadline: AbortSignal,
    private readonly limits: { maxResolvedFields: number; maxResolvedTextBytes: number } = apiLimits,
  ) {}

  /** The fields under this root field are a committed write's answer: the deadline does not stop them (the other limits do). */
  spareFromDeadline(rootField: string): void {
    this.spared.add(rootField);
  }

  /** Counts one field about to resolve (at `path`); returns the error that stopped the request, if it has been. */
  spendField(path?: Path): GraphQLError | undefined {
    if (this.stopped) return this.stopped;
    if (this.deadline.aborted && !(path && this.spared.has(rootOf(path)))) this.stop('REQUEST_TIMEOUT', 'The request took longer than the server allows (REQUEST_TIMEOUT_MS); narrow it.', 503);
    else if (++this.fields > this.limits.maxResolvedFields) {
      this.stop('RESPONSE_TOO_LARGE', `The answer would hold more than ${this.limits.maxResolvedFields} fields; ask for fewer with smaller \`first\` or \`limit\` arguments.`, 400);
    }
    return this.stopped;
  }

  spendText(value: unknown): void {
    if (typeof value !== 'string' || this.stopped) return;
    this.textBytes += value.length;
    if (this.textBytes > this.limits.maxResolvedTextBytes) {
      this.stop('RESPONSE_TOO_LARGE', `The answer would hold more than ${this.limits.maxResolvedTextBytes} characters of text; ask for fewer objects or leave out long fields such as Source.text.`, 400);
    }
  }

  private stop(code: string, message: string, status: number): void {
    this.stopped = new GraphQLError(message, { extensions: { code, http: { status } } });
  }
}

type Path = GraphQLResolveInfo['path'];

/** The response key of the root field a path starts from. */
function rootOf(path: Path): string {
  let root = path;
  while (root.prev) root = root.prev;
  return String(root.key);
}

export interface BudgetedContext {
  budget: RequestBudget;
}

/**
 * Wraps every field's resolver so that it spends from the request's budget. A stopped request's
 * fields answer a rejected promise rather than throw: graphql-js 16 leaves the other items of a
 * list unhandled when one throws synchronously, and those would surface as unhandled rejections.
 */
export function withRequestBudget(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, BudgetedContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: BudgetedContext, info) => {
        const stopped = context.budget.spendField(info.path);
        if (stopped) return Promise.reject(stopped);
        const result: unknown = resolve(source, args, context, info);
        if (result instanceof Promise) {
          return result.then((value: unknown) => {
            context.budget.spendText(value);
            return value;
          });
        }
        context.budget.spendText(result);
        return result;
      };
    }
  }
  return schema;
}

/** Answers a stopped request with the one error that stopped it, and its status. */
export function requestBudgetPlugin<T extends BudgetedContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const stopped = contextValue.budget.stopped;
          if (!stopped || response.body.kind !== 'single') return;
          const { http, ...extensions } = stopped.extensions as { http: { status: number } };
          response.body.singleResult = { errors: [{ message: stopped.message, extensions }] };
          response.http.status = http.status;
        },
      };
    },
  };
}
