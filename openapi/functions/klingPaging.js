// Checks the x-kling-paging convention on one operation (see the ruleset). A list operation must say how
// it pages; every x-kling-paging must be well formed, and the request parameter it names must exist on the
// operation (a query parameter when `in` is query, the default; a body property when `in` is body), so
// the client's pager (io.github.klingjava.paging) can read the whole recipe from the spec.
const STYLES = {
  page: { required: ['page', 'size', 'items'], params: ['page', 'size'] },
  cursor: { required: ['cursor', 'next', 'items'], params: ['cursor', 'size'] },
};
const POINTERS = ['items', 'next', 'hasMore'];
const KEYS = ['style', 'page', 'size', 'cursor', 'in', 'next', 'hasMore', 'items'];

module.exports = function klingPaging(operation, opts, context) {
  if (operation === null || typeof operation !== 'object') {
    return [];
  }
  const paging = operation['x-kling-paging'];
  const path = [...context.path, 'x-kling-paging'];
  if (paging === undefined) {
    return operation['x-kling-operation'] === 'list'
      ? [{ message: 'a list operation (x-kling-operation: list) needs x-kling-paging', path: context.path }]
      : [];
  }
  if (paging === null || typeof paging !== 'object' || Array.isArray(paging)) {
    return [{ message: 'x-kling-paging must be a mapping', path }];
  }
  const results = [];
  const style = STYLES[paging.style];
  if (!style) {
    return [{ message: `x-kling-paging.style must be page or cursor, found ${JSON.stringify(paging.style)}`, path }];
  }
  Object.keys(paging).filter((key) => !KEYS.includes(key)).forEach((key) =>
    results.push({ message: `x-kling-paging.${key} is not part of the convention (${KEYS.join(', ')})`, path: [...path, key] }));
  style.required.filter((key) => typeof paging[key] !== 'string' || paging[key] === '').forEach((key) =>
    results.push({ message: `x-kling-paging style ${paging.style} needs ${key}`, path }));
  POINTERS.filter((key) => paging[key] !== undefined && !/^(\/[^/]+)+$/.test(String(paging[key]))).forEach((key) =>
    results.push({ message: `x-kling-paging.${key} must be a JSON pointer such as /data, found ${JSON.stringify(paging[key])}`, path: [...path, key] }));
  const where = paging.in === undefined ? 'query' : paging.in;
  if (where !== 'query' && where !== 'body') {
    results.push({ message: `x-kling-paging.in must be query or body, found ${JSON.stringify(paging.in)}`, path: [...path, 'in'] });
    return results;
  }
  style.params.filter((key) => typeof paging[key] === 'string').forEach((key) => {
    const name = paging[key];
    if (where === 'query' && !hasQueryParameter(operation, name)) {
      results.push({ message: `x-kling-paging.${key} names the query parameter ${name}, which the operation does not declare`, path: [...path, key] });
    }
    if (where === 'body' && !hasBodyProperty(operation, name)) {
      results.push({ message: `x-kling-paging.${key} names the body property ${name}, which the request schema does not declare`, path: [...path, key] });
    }
  });
  return results;
};

function hasQueryParameter(operation, name) {
  return (operation.parameters || []).some((p) => p && p.in === 'query' && p.name === name);
}

function hasBodyProperty(operation, name) {
  const body = operation.requestBody && operation.requestBody.content && operation.requestBody.content['application/json'];
  return body !== undefined && declares(body.schema, name, 0);
}

function declares(schema, name, depth) {
  if (!schema || typeof schema !== 'object' || depth > 8) {
    return false;
  }
  if (schema.properties && Object.prototype.hasOwnProperty.call(schema.properties, name)) {
    return true;
  }
  return ['allOf', 'anyOf', 'oneOf'].some((key) => (schema[key] || []).some((part) => declares(part, name, depth + 1)));
}
