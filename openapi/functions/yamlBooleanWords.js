// Refuses enum values of a string schema that YAML 1.1 tools read as booleans. Spectral parses
// YAML 1.2, where an unquoted `on` is the string "on"; the Java generator and Jackson's YAML
// reader (SnakeYAML, YAML 1.1) read the same word as `true`, so the client would silently send
// true/false. The raw text is checked: a quoted 'on' is fine, a bare on is not.
const WORDS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;

module.exports = function yamlBooleanWords(schema, opts, context) {
  if (schema === null || typeof schema !== 'object' || schema.type !== 'string') {
    return [];
  }
  const results = [];
  for (const key of ['enum', 'x-extensible-enum']) {
    const values = schema[key];
    if (!Array.isArray(values)) {
      continue;
    }
    values.forEach((value, i) => {
      const path = [...context.path, key, i];
      if (typeof value !== 'string') {
        results.push({ message: `${key} value ${JSON.stringify(value)} of a string schema is not a string: quote it`, path });
        return;
      }
      if (!WORDS.test(value)) {
        return;
      }
      const range = context.document.getRangeForJsonPath(path, true);
      const first = range ? charAt(context.document.input, range.start) : '"';
      if (first !== '"' && first !== "'") {
        results.push({ message: `${key} value ${value} is a boolean to YAML 1.1 tools (the generator reads true/false): write '${value}'`, path });
      }
    });
  }
  return results;
};

function charAt(text, position) {
  const lines = text.split('\n');
  const line = lines[position.line] || '';
  return line.charAt(position.character);
}
