package gov.ice.registry.document;

import gov.ice.registry.projection.text.DocumentTexts;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search index reads the text of attached documents from the document store: the
 * {@link DocumentContents} bean, looked up at each read (so a store that starts later serves, and
 * without one no text is extracted). The index reads on its own thread, never an event loop.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentTextSource {

  @Bean
  DocumentTexts.Bytes documentBytes(ObjectProvider<DocumentContents> contents) {
    return sha256 -> {
      DocumentContents store = contents.getIfAvailable();
      return store == null ? Optional.empty() : store.open(sha256);
    };
  }
}
