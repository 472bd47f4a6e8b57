package gov.ice.registry.web.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every free-text field of every command's request body has a size limit: a String component of
 * a request record, or the element of a list of Strings, without {@code @Size(max)} would let a
 * client store text of any length (up to the body limit) in the ledger, forever. A new request
 * record or field is checked here without anyone remembering to.
 */
class RequestTextLimitsTest {

  private static Stream<Class<?>> requestRecords() {
    return Stream.concat(Stream.of(AgreementRequests.class.getDeclaredClasses()), Stream.of(PersonalDataErasureEndpoint.ErasureRequest.class))
        .filter(Class::isRecord);
  }

  @Test
  void everyTextFieldOfEveryRequestRecordHasAMaximumSize() {
    List<String> unlimited = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    requestRecords().forEach(record -> {
      for (RecordComponent component : record.getRecordComponents()) {
        String name = record.getSimpleName() + "." + component.getName();
        AnnotatedType type = component.getAnnotatedType();
        if (component.getType() == String.class) {
          checked.add(name);
          if (!limited(type)) {
            unlimited.add(name);
          }
        } else if (type instanceof AnnotatedParameterizedType list && list.getAnnotatedActualTypeArguments().length == 1
            && list.getAnnotatedActualTypeArguments()[0].getType() == String.class) {
          checked.add(name + "[]");
          if (!limited(list.getAnnotatedActualTypeArguments()[0])) {
            unlimited.add(name + "[]");
          }
        }
      }
    });
    assertThat(checked).as("the scan finds the text fields").contains("ErasureRequest.reason", "ErasureRequest.requestReference",
        "AmendmentRequest.consentedBy[]", "ImportRequest.externalReference", "TermsRequest.purpose");
    assertThat(unlimited).as("text fields without @Size(max)").isEmpty();
  }

  private static boolean limited(AnnotatedType type) {
    Size size = type.getAnnotation(Size.class);
    return size != null && size.max() < Integer.MAX_VALUE;
  }
}
