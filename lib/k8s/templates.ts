import type { ResourceKind } from './resources';

// Commented starting points for "Create": one per common kind, a generic skeleton for any other (CRDs included).
// Client-safe and pure. `NAMESPACE` lines are filled with the selected namespace; cluster-scoped kinds have none.

type Kind = Pick<ResourceKind, 'kind' | 'group' | 'version' | 'namespaced'>;

const POD = (indent: string) => `${indent}containers:
${indent}  - name: app
${indent}    image: nginx:1.27          # the image to run
${indent}    ports:
${indent}      - containerPort: 80
${indent}    resources:
${indent}      requests: {cpu: 100m, memory: 64Mi}`;

const BODIES: Record<string, string> = {
  'apps/Deployment': `spec:
  replicas: 2                      # how many pods
  selector:
    matchLabels: {app: my-app}     # must match the template's labels
  template:
    metadata:
      labels: {app: my-app}
    spec:
${POD('      ')}`,
  'apps/StatefulSet': `spec:
  serviceName: my-app              # a headless Service that names the pods
  replicas: 1
  selector:
    matchLabels: {app: my-app}
  template:
    metadata:
      labels: {app: my-app}
    spec:
${POD('      ')}`,
  'apps/DaemonSet': `spec:
  selector:
    matchLabels: {app: my-app}     # one pod per node
  template:
    metadata:
      labels: {app: my-app}
    spec:
${POD('      ')}`,
  'batch/Job': `spec:
  backoffLimit: 2                  # retries before the Job fails
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: task
          image: busybox:1.36
          command: ["sh", "-c", "echo hello"]`,
  'batch/CronJob': `spec:
  schedule: "*/15 * * * *"         # cron syntax, in the controller's time zone
  suspend: false
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: task
              image: busybox:1.36
              command: ["sh", "-c", "date"]`,
  '/Service': `spec:
  type: ClusterIP                  # or NodePort, LoadBalancer
  selector: {app: my-app}          # the pods that receive the traffic
  ports:
    - port: 80
      targetPort: 80`,
  'networking.k8s.io/Ingress': `spec:
  rules:
    - host: my-app.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: my-app, port: {number: 80}}`,
  '/ConfigMap': `data:
  key: value                       # plain-text settings`,
  '/Secret': `type: Opaque
stringData:                        # written as plain text, stored base64-encoded
  password: change-me`,
  '/PersistentVolumeClaim': `spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests: {storage: 1Gi}
  # storageClassName: standard     # the cluster's default class when omitted`,
  '/ServiceAccount': `# automountServiceAccountToken: false`,
  'rbac.authorization.k8s.io/Role': `rules:
  - apiGroups: [""]                # "" is the core group
    resources: [pods]
    verbs: [get, list, watch]`,
  'rbac.authorization.k8s.io/RoleBinding': `roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: my-role
subjects:
  - kind: ServiceAccount
    name: my-app
    namespace: NAMESPACE`,
};

const GENERIC = `spec: {}                           # see the kind's schema: kubectl explain <kind>.spec`;

export function templateFor(r: Kind, namespace: string | undefined): string {
  const apiVersion = r.group ? `${r.group}/${r.version}` : r.version;
  const ns = r.namespaced ? namespace ?? 'default' : undefined;
  const body = BODIES[`${r.group}/${r.kind}`] ?? GENERIC;
  const header = `# A new ${r.kind}: edit, then Preview (server dry-run) and Apply.\napiVersion: ${apiVersion}\nkind: ${r.kind}\nmetadata:\n  name: my-${r.kind.toLowerCase()}\n${ns ? `  namespace: ${ns}\n` : ''}`;
  return `${header}${body.replaceAll('NAMESPACE', ns ?? 'default')}\n`;
}
