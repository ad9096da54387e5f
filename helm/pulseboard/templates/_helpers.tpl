{{- define "pulseboard.labels" -}}
app.kubernetes.io/name: pulseboard-operator
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "pulseboard.selector" -}}
app.kubernetes.io/name: pulseboard-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "pulseboard.fullname" -}}
{{ .Release.Name }}-operator
{{- end -}}

{{/* namespace=prefix pairs of operator.databasePolicy, in key order, for PULSEBOARD_DATABASE_POLICY */}}
{{- define "pulseboard.databasePolicy" -}}
{{- $pairs := list -}}
{{- range $namespace, $databases := .Values.operator.databasePolicy -}}
{{- $pairs = append $pairs (printf "%s=%s" $namespace $databases) -}}
{{- end -}}
{{- join "," $pairs -}}
{{- end -}}

{{/*
What the operator does in a watched namespace. Each rule is needed by the operator (see
deploy-tests/src/test/resources/rbac/reviewed-grants.txt and OperatorRbacIT, which checks the chart grants
every request the operator made in its tests, and nothing beyond that reviewed list).
*/}}
{{- define "pulseboard.watchedNamespaceRules" -}}
- apiGroups: [analytics.pulseboard.io]
  resources: [analyticsstreams, dashboards]
  verbs: [get, list, watch, patch, update]
- apiGroups: [analytics.pulseboard.io]
  resources: [analyticsstreams/status, dashboards/status]
  verbs: [get, patch, update]
- apiGroups: [analytics.pulseboard.io]
  resources: [analyticsstreams/finalizers, dashboards/finalizers]
  verbs: [update]
- apiGroups: [""]
  resources: [configmaps, services]
  verbs: [get, list, watch, create, patch, update, delete]
- apiGroups: [apps]
  resources: [deployments]
  verbs: [get, list, watch, create, patch, update, delete]
# The optional Ingress of a dashboard (spec.query.ingress): created, updated and deleted with it.
- apiGroups: [networking.k8s.io]
  resources: [ingresses]
  verbs: [get, list, watch, create, patch, update, delete]
- apiGroups: [""]
  resources: [secrets]
  verbs: [get]
# A schema change waits until no ingest pod of the old configuration is left.
- apiGroups: [""]
  resources: [pods]
  verbs: [list]
{{- end -}}
