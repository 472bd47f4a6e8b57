package gov.ice.registry.web.pages;

import gov.ice.registry.projection.audit.ApprovalCsv;
import gov.ice.registry.projection.export.Labels;
import gov.ice.registry.projection.export.Labels.Kind;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #words} in every template: the handbook's words for a code, from the registry's one label
 * table ({@link Labels}): {@code ${#words.status(a.status())}} reads "In clearance". Each method
 * takes the enum constant or its name, as the read models hand over either.
 */
@Component
class Words extends AbstractDialect implements IExpressionObjectDialect {

  Words() {
    super("words");
  }

  @Override
  public IExpressionObjectFactory getExpressionObjectFactory() {
    return new IExpressionObjectFactory() {
      @Override
      public Set<String> getAllExpressionObjectNames() {
        return Set.of("words");
      }

      @Override
      public Object buildObject(IExpressionContext context, String name) {
        return Expressions.INSTANCE;
      }

      @Override
      public boolean isCacheable(String name) {
        return true;
      }
    };
  }

  /** What {@code #words} offers: one method per kind of code. */
  public static final class Expressions {

    static final Expressions INSTANCE = new Expressions();

    public String status(Object code) {
      return Labels.of(Kind.STATUS, code);
    }

    public String scope(Object code) {
      return Labels.of(Kind.SCOPE, code);
    }

    public String kind(Object code) {
      return Labels.of(Kind.KIND, code);
    }

    public String category(Object code) {
      return Labels.of(Kind.CATEGORY, code);
    }

    public String categories(Collection<?> codes) {
      return Labels.all(Kind.CATEGORY, codes, ", ");
    }

    public String partyKind(Object code) {
      return Labels.of(Kind.PARTY_KIND, code);
    }

    public String directorate(Object code) {
      return Labels.of(Kind.DIRECTORATE, code);
    }

    public String office(Object code) {
      return Labels.of(Kind.OFFICE, code);
    }

    public String authority(Object code) {
      return Labels.of(Kind.AUTHORITY, code);
    }

    public String exigentAuthority(Object code) {
      return Labels.of(Kind.EXIGENT_AUTHORITY, code);
    }

    public String marking(Object code) {
      return Labels.of(Kind.MARKING, code);
    }

    public String disputeLevel(Object code) {
      return Labels.of(Kind.DISPUTE_LEVEL, code);
    }

    public String exigentState(Object code) {
      return Labels.of(Kind.EXIGENT_STATE, code);
    }

    public String approvalType(Object code) {
      return Labels.of(Kind.APPROVAL_TYPE, code);
    }

    public String approvalDecision(Object code) {
      return Labels.of(Kind.APPROVAL_DECISION, code);
    }

    /** The approvals' office column: an office, an authority, a directorate or the Director. */
    public String approvalOffice(Object code) {
      return code == null ? "" : ApprovalCsv.office(code.toString());
    }

    public String roles(Collection<?> codes) {
      return Labels.all(Kind.ROLE, codes, ", ");
    }

    public String accessAction(Object code) {
      return Labels.of(Kind.ACCESS_ACTION, code);
    }

    public String accessOutcome(Object code) {
      return Labels.of(Kind.ACCESS_OUTCOME, code);
    }

    public String rule(Object id) {
      return Labels.of(Kind.RULE, id);
    }

    /** Any enum constant, by its type. */
    public String of(Enum<?> code) {
      return Labels.of(code);
    }
  }
}
