/**
 * The public members of a class. Services and resolvers take their collaborators as `Public<X>` so a test can
 * pass a plain object (a class type with private fields accepts only instances of that class).
 */
export type Public<T> = { [K in keyof T]: T[K] };
