package io.pulseboard.operator.stream;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.status.Reason;
import io.pulseboard.operator.status.ReconcileProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Reads a ClickHouse connection from a Secret with the keys url, user (default "default"), password and
 * cluster (optional: the stream's tables then live on that cluster, see operator/DESIGN.md).
 */
public final class ConnectionSecrets {
  private ConnectionSecrets() {}

  public static ClickHouseConnection read(KubernetesClient client, String namespace, String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      throw new ReconcileProblem(Reason.ConnectionSecretMissing,
          "Secret " + namespace + "/" + name + " named by spec.clickhouse.connectionSecret does not exist");
    }
    String url = value(secret, "url");
    if (url == null || url.isBlank()) {
      throw new ReconcileProblem(Reason.ConnectionSecretMissing,
          "Secret " + namespace + "/" + name + " has no key url");
    }
    String user = value(secret, "user");
    String password = value(secret, "password");
    return new ClickHouseConnection(url.trim(), user == null || user.isBlank() ? "default" : user,
        password == null ? "" : password, cluster(secret, namespace, name));
  }

  /** The optional key cluster: a name from the servers' remote_servers; blank means a single server. */
  private static String cluster(Secret secret, String namespace, String name) {
    String cluster = value(secret, "cluster");
    if (cluster == null || cluster.isBlank()) {
      return null;
    }
    String problem = Identifiers.problem(cluster.trim());
    if (problem != null) {
      throw new ReconcileProblem(Reason.ConnectionSecretMissing, "Secret " + namespace + "/" + name
          + " key cluster cannot name a ClickHouse cluster: it " + problem);
    }
    return cluster.trim();
  }

  // data is what an API server stores; stringData is read too because the local API server keeps it as sent
  private static String value(Secret secret, String key) {
    Map<String, String> data = secret.getData();
    if (data != null && data.get(key) != null) {
      return new String(Base64.getDecoder().decode(data.get(key)), StandardCharsets.UTF_8);
    }
    Map<String, String> stringData = secret.getStringData();
    return stringData == null ? null : stringData.get(key);
  }
}
