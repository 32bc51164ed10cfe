import type { ContainerType } from 'type-graphql';

/**
 * TypeGraphQL's `container`: hands out resolver instances built by hand in create-resolvers.ts, so every
 * dependency is passed through a constructor and nothing is resolved by reflection.
 */
export class InstanceContainer implements ContainerType {
  private readonly instances = new Map<Function, object>();

  constructor(instances: readonly object[]) {
    for (const instance of instances) this.instances.set(instance.constructor, instance);
  }

  get(someClass: Function): object {
    const instance = this.instances.get(someClass);
    if (instance === undefined) throw new Error(`no instance of ${someClass.name} was registered in the container`);
    return instance;
  }
}
