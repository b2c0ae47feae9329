// families: the spec's family convention turned into flags the generator's templates can test.
//
// In the spec each family is a tag whose entry in the top-level `tags` list carries
//   x-kling-family: {accessor: imageToVideo, kind: task}      (kind: task | sync | task-v2)
// and each of its operations carries `x-kling-operation: submit | get | getByExternalId | list | call`.
// Mustache cannot compare strings, so this step writes, on every operation of a family, what the
// templates (familyAccessors.mustache, taskFamily.mustache) need as plain values and booleans:
//   x-kling-family-name / -accessor / -constant / -class / -route / -request / -description (route and
//   request: of the submit operation, for a sync family of its first call with a body),
//   x-kling-family-task or x-kling-family-sync: true, x-kling-family-calls: true on a family with call
//   operations (and x-kling-family-task-calls on a task family with some), and x-kling-is-<operation>: true.
// Paging (#11): an operation with x-kling-paging gets x-kling-paging-args (the extension's keys and the
// limits of the parameters it names, from their schemas, as "key", "value" pairs for SpecPaging.of),
// x-kling-paging-item (the item schema's name, when the items pointer leads to an array of a $ref) and,
// unless it is a task family's list (TaskFamilyService.listAll), x-kling-paging-call: true, which gives
// the family's calls class a typed pager method.
// A task-v2 family (the new standard: its tasks are queried and listed through /tasks, not per route) is
// served by the hand-written client.standard facade over the generated Retrofit interface, so its operations
// get only x-kling-family-name, x-kling-family-task-v2 and x-kling-is-<operation>, which no template renders.
// Only the generator's copy of the spec is changed (properties specFile and outputFile; they may be
// the same file); the spec users read and validators use is the one written by hand.
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.databind.node.ObjectNode
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory

def mapper = new ObjectMapper(new YAMLFactory())
def tree = mapper.readTree(new File(specFile))
def families = [:]
tree.path('tags').each { tag ->
  def family = tag.get('x-kling-family')
  if (family != null) {
    def accessor = family.path('accessor').asText()
    def kind = family.path('kind').asText()
    if (!(accessor ==~ /[a-z][A-Za-z0-9]*/) || !(kind in ['task', 'sync', 'task-v2'])) {
      throw new IllegalStateException('tag ' + tag.path('name').asText() + ': x-kling-family needs a lowerCamel'
          + ' accessor and kind task, sync or task-v2, found ' + family)
    }
    families[tag.path('name').asText()] = [accessor: accessor, kind: kind,
        description: tag.path('description').asText(''), ops: []]
  }
}
def verbs = ['get', 'put', 'post', 'delete', 'patch']
tree.path('paths').fields().each { path ->
  verbs.each { verb ->
    def op = path.value.get(verb)
    def tag = op?.path('tags')?.path(0)?.asText()
    if (op != null && families.containsKey(tag)) {
      families[tag].ops << [path: path.key, op: op]
    }
  }
}
// Follows a local $ref (#/components/...) to the node it names.
def deref
deref = { node ->
  def ref = node?.path('$ref')?.asText('')
  if (!ref) {
    return node
  }
  def target = tree
  ref.substring(2).split('/').each { target = target.path(it.replace('~1', '/').replace('~0', '~')) }
  return deref(target)
}
// The schema the named request parameter of the paging recipe has (query parameter, or body property).
def pagingParameterSchema = { op, paging, name ->
  if (paging.path('in').asText('query') == 'body') {
    def body = deref(op.path('requestBody')).path('content').path('application/json').path('schema')
    def found = null
    def search
    search = { schema, depth ->
      schema = deref(schema)
      if (found == null && depth < 8 && schema != null) {
        if (schema.path('properties').has(name)) {
          found = deref(schema.path('properties').get(name))
        }
        ['allOf', 'anyOf', 'oneOf'].each { key -> schema.path(key).each { search(it, depth + 1) } }
      }
    }
    search(body, 0)
    return found
  }
  def parameter = op.path('parameters').collect { deref(it) }.find { it.path('name').asText() == name && it.path('in').asText() == 'query' }
  return parameter == null ? null : deref(parameter.path('schema'))
}
// The recipe for SpecPaging.of: the extension's keys, then each named parameter's minimum, maximum, default.
def pagingArgs = { op, paging ->
  def id = op.path('operationId').asText()
  def style = paging.path('style').asText()
  if (!(style in ['page', 'cursor'])) {
    throw new IllegalStateException(id + ': x-kling-paging.style must be page or cursor, found ' + paging)
  }
  def pairs = []
  ['style', 'in', 'page', 'size', 'cursor', 'next', 'hasMore', 'items'].each { key ->
    if (paging.has(key)) {
      pairs << [key, paging.path(key).asText()]
    }
  }
  [page: 'page', size: 'size'].each { key, prefix ->
    if (paging.has(key)) {
      def schema = pagingParameterSchema(op, paging, paging.path(key).asText())
      if (schema == null) {
        throw new IllegalStateException(id + ': x-kling-paging.' + key + ' names ' + paging.path(key).asText()
            + ', which the operation does not declare')
      }
      [Min: 'minimum', Max: 'maximum', Default: 'default'].each { suffix, keyword ->
        if (schema.has(keyword)) {
          pairs << [prefix + suffix, schema.path(keyword).asText()]
        }
      }
    }
  }
  return pairs.collect { '"' + it[0] + '", "' + it[1].replace('\\', '\\\\').replace('"', '\\"') + '"' }.join(', ')
}
// The item schema's name: the items pointer followed through the 200 answer's schema.
def pagingItem = { op, paging ->
  def schema = deref(op.path('responses').path('200')).path('content').path('application/json').path('schema')
  paging.path('items').asText().substring(1).split('/').each { token ->
    schema = deref(schema)
    def part = ['allOf'].collectMany { k -> schema.path(k).collect { deref(it) } }.find { it.path('properties').has(token) }
    schema = (part ?: schema).path('properties').path(token)
  }
  schema = deref(schema)
  if (schema.path('type').asText() != 'array') {
    throw new IllegalStateException(op.path('operationId').asText() + ': x-kling-paging.items '
        + paging.path('items').asText() + ' does not lead to an array in the 200 answer')
  }
  def ref = schema.path('items').path('$ref').asText('')
  return ref ? ref.substring(ref.lastIndexOf('/') + 1) : null
}
def roles = ['submit', 'get', 'getByExternalId', 'list', 'call']
families.each { name, family ->
  def route = null
  def request = null
  family.ops.each { entry ->
    def role = entry.op.path('x-kling-operation').asText()
    if (!(role in roles)) {
      throw new IllegalStateException(entry.op.path('operationId').asText() + ': x-kling-operation must be one of '
          + roles + ', found "' + role + '"')
    }
    if (role == 'submit' || (role == 'call' && route == null)) {
      route = entry.path.substring(1)
    }
    def ref = entry.op.path('requestBody').path('content').path('application/json').path('schema').path('$ref').asText()
    // A call without a body (a GET with query parameters) names no request model; the next call with one does.
    if (!ref.isEmpty() && (role == 'submit' || (role == 'call' && request == null))) {
      request = ref.substring(ref.lastIndexOf('/') + 1)
    }
  }
  if (route == null) {
    throw new IllegalStateException('family ' + name + ': no operation with x-kling-operation submit or call')
  }
  if (family.kind == 'task-v2') {
    family.ops.each { entry ->
      ObjectNode op = (ObjectNode) entry.op
      op.put('x-kling-family-name', name)
      op.put('x-kling-family-task-v2', true)
      op.put('x-kling-is-' + op.path('x-kling-operation').asText(), true)
    }
    return
  }
  def constant = family.accessor.replaceAll(/([a-z0-9])([A-Z])/, '$1_$2').toUpperCase()
  // A family with synchronous operations (a sync family, or a task family's session steps) gets a typed calls class.
  def pagedCall = { op -> op.has('x-kling-paging') && !(family.kind == 'task' && op.path('x-kling-operation').asText() == 'list') }
  def hasCalls = family.ops.any { it.op.path('x-kling-operation').asText() == 'call' || pagedCall(it.op) }
  family.ops.each { entry ->
    ObjectNode op = (ObjectNode) entry.op
    op.put('x-kling-family-name', name)
    op.put('x-kling-family-accessor', family.accessor)
    op.put('x-kling-family-constant', constant)
    op.put('x-kling-family-class', family.accessor.substring(0, 1).toUpperCase() + family.accessor.substring(1))
    op.put('x-kling-family-route', route)
    op.put('x-kling-family-description', family.description)
    op.put('x-kling-family-' + family.kind, true)
    if (hasCalls) {
      op.put('x-kling-family-calls', true)
      if (family.kind == 'task') {
        op.put('x-kling-family-task-calls', true)
      }
    }
    if (request != null) {
      op.put('x-kling-family-request', request)
    }
    op.put('x-kling-is-' + op.path('x-kling-operation').asText(), true)
    if (op.has('x-kling-paging')) {
      def paging = op.get('x-kling-paging')
      op.put('x-kling-paging-args', pagingArgs(op, paging))
      def item = pagingItem(op, paging)
      if (item != null) {
        op.put('x-kling-paging-item', item)
      }
      if (pagedCall(op)) {
        op.put('x-kling-paging-call', true)
      }
    }
  }
}
def out = new File(outputFile)
out.parentFile.mkdirs()
mapper.writeValue(out, tree)
log.info('families: ' + families.size() + ' families ' + families.keySet() + ' flagged for the generator in ' + out)
