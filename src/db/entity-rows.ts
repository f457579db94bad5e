import type {
  DataSource,
  EntityManager,
  EntityMetadata,
  EntityTarget,
  ObjectLiteral,
} from 'typeorm';

type Hydrator<T> = (row: Record<string, unknown>) => T;

const hydrators = new WeakMap<EntityMetadata, Hydrator<unknown>>();

/** Builds (once per entity) a function that turns a raw row into an entity instance. */
function hydratorFor<T>(metadata: EntityMetadata): Hydrator<T> {
  const cached = hydrators.get(metadata);
  if (cached) return cached as Hydrator<T>;
  const target = metadata.target as new () => T;
  const embeddeds = metadata.embeddeds.map((embedded) => ({
    property: embedded.propertyName,
    type: embedded.type as new () => object,
    columns: embedded.columns.map((c) => [c.propertyName, c.databaseName] as const),
  }));
  const ownColumns = metadata.columns
    .filter((column) => !column.embeddedMetadata)
    .map((column) => [column.propertyName, column.databaseName] as const);
  const hydrate: Hydrator<T> = (row) => {
    const entity = new target() as Record<string, unknown>;
    for (const [property, column] of ownColumns) {
      if (column in row) entity[property] = row[column];
    }
    for (const embedded of embeddeds) {
      const value = new embedded.type() as Record<string, unknown>;
      for (const [property, column] of embedded.columns) value[property] = row[column];
      entity[embedded.property] = value;
    }
    return entity as T;
  };
  hydrators.set(metadata, hydrate as Hydrator<unknown>);
  return hydrate;
}

/**
 * Runs hand-written SQL and returns entity instances. For the hottest reads (the caller
 * lookup, goal pages, step batches), where TypeORM's query building and hydration cost
 * more than the query itself. Select the entity's columns (`alias.*`); DATE columns come
 * back as "YYYY-MM-DD" text (see data-source.ts), the rest as TypeORM would return them.
 */
export async function queryEntities<T extends ObjectLiteral>(
  db: DataSource | EntityManager,
  entity: EntityTarget<T>,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const result = (await db.query(sql, parameters)) as unknown[];
  // TypeORM answers UPDATE/DELETE … RETURNING with [rows, affectedCount].
  const rows = (
    result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
      ? result[0]
      : result
  ) as Record<string, unknown>[];
  const dataSource = 'connection' in db ? db.connection : db;
  const hydrate = hydratorFor<T>(dataSource.getMetadata(entity));
  return rows.map(hydrate);
}
