package io.pulseboard.query.config;

import io.pulseboard.query.web.BearerTokenFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The optional bearer token and the CORS origins of the REST API, from the one properties record. */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration implements WebMvcConfigurer {
  private static final Logger LOG = LoggerFactory.getLogger(WebSecurityConfiguration.class);

  private final QueryServiceProperties properties;

  public WebSecurityConfiguration(QueryServiceProperties properties) {
    this.properties = properties;
  }

  @Bean
  FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter() {
    String token = properties.hasAuthToken() ? properties.authToken() : "";
    FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(new BearerTokenFilter(token));
    registration.addUrlPatterns("/api/*");
    registration.setEnabled(properties.hasAuthToken());
    LOG.info(properties.hasAuthToken() ? "/api requires the bearer token" : "no PULSEBOARD_AUTH_TOKEN: /api is open");
    return registration;
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    if (!properties.allowedOrigins().isEmpty()) {
      registry.addMapping("/api/**").allowedOrigins(properties.allowedOrigins().toArray(String[]::new))
          .allowedMethods("GET").allowedHeaders("Authorization");
    }
  }
}
