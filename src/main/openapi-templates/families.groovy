// families: the spec's family convention turned into flags the generator's templates can test.
//
// In the spec each family is a tag whose entry in the top-level `tags` list carries
//   x-kling-family: {accessor: imageToVideo, kind: task}      (kind: task | sync)
// and each of its operations carries `x-kling-operation: submit | get | getByExternalId | list | call`.
// Mustache cannot compare strings, so this step writes, on every operation of a family, what the
// templates (familyAccessors.mustache, taskFamily.mustache) need as plain values and booleans:
//   x-kling-family-name / -accessor / -constant / -class / -route / -request / -description (route and
//   request: of the submit operation, for a sync family of its first call with a body),
//   x-kling-family-task or x-kling-family-sync: true, x-kling-family-calls: true on a family with call
//   operations (and x-kling-family-task-calls on a task family with some), and x-kling-is-<operation>: true.
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
    if (!(accessor ==~ /[a-z][A-Za-z0-9]*/) || !(kind in ['task', 'sync'])) {
      throw new IllegalStateException('tag ' + tag.path('name').asText() + ': x-kling-family needs a lowerCamel'
          + ' accessor and kind task or sync, found ' + family)
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
  def constant = family.accessor.replaceAll(/([a-z0-9])([A-Z])/, '$1_$2').toUpperCase()
  // A family with synchronous operations (a sync family, or a task family's session steps) gets a typed calls class.
  def hasCalls = family.ops.any { it.op.path('x-kling-operation').asText() == 'call' }
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
  }
}
def out = new File(outputFile)
out.parentFile.mkdirs()
mapper.writeValue(out, tree)
log.info('families: ' + families.size() + ' families ' + families.keySet() + ' flagged for the generator in ' + out)
