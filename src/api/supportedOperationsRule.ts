// A validation rule: an operation type the schema has no root for (today mutation and
// subscription) is a 400 that names it, instead of an internal error at execution.
import { GraphQLError, OperationTypeNode, type ASTVisitor, type ValidationContext } from 'graphql';

export function SupportedOperationsRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  const supported = [OperationTypeNode.QUERY, OperationTypeNode.MUTATION, OperationTypeNode.SUBSCRIPTION].filter((operation) => schema.getRootType(operation));
  return {
    OperationDefinition(node) {
      if (schema.getRootType(node.operation)) return;
      context.reportError(new GraphQLError(`This API does not support ${node.operation} operations; it supports: ${supported.join(', ')}.`, { nodes: node }));
    },
  };
}
