{{- define "pulseboard.labels" -}}
app.kubernetes.io/name: pulseboard-operator
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "pulseboard.selector" -}}
app.kubernetes.io/name: pulseboard-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
