type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** Drops the fields whose value is undefined: parsed optional fields meet `exactOptionalPropertyTypes` APIs. */
export function definedFields<T extends object>(fields: T): Defined<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Defined<T>;
}
