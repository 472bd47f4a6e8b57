package gov.ice.registry.projection;

import static gov.ice.registry.agreement.AgreementFixtures.active;
import static gov.ice.registry.agreement.AgreementFixtures.drafted;
import static gov.ice.registry.agreement.AgreementFixtures.party;
import static gov.ice.registry.agreement.AgreementFixtures.profile;

import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.PartyKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The known data set of the search tests: six agreements whose filters and words are chosen so
 * each filter selects a different subset.
 */
public final class KnownAgreements {

  public static final Instant T0 = Instant.parse("2025-01-06T14:00:00Z");

  public static final AgreementFixtures.Story VISA = active("A-1", T0,
      profile("Visa Overstay Data Exchange", AgreementKind.MOU, Directorate.HSI,
          List.of(party("UK Home Office", PartyKind.FOREIGN_GOVERNMENT, "GB")),
          List.of(InformationCategory.LAW_ENFORCEMENT), true,
          "Share overstay records with the United Kingdom", LocalDate.of(2024, 2, 29), null),
      LocalDate.of(2024, 2, 20));

  public static final AgreementFixtures.Story GANG = drafted("A-2", T0.plusSeconds(3600),
      profile("Gang Intelligence Pilot", AgreementKind.PILOT_PROJECT, Directorate.HSI,
          List.of(party("Texas Department of Public Safety", PartyKind.STATE, "US")),
          List.of(InformationCategory.LAW_ENFORCEMENT, InformationCategory.HOMELAND_SECURITY), true,
          "Deconflict gang investigations", null, null));

  public static final AgreementFixtures.Story PAYROLL = active("A-3", T0.plusSeconds(7200),
      profile("Payroll Systems Interconnection", AgreementKind.MOA, Directorate.MA,
          List.of(party("Acme Payroll Inc.", PartyKind.PRIVATE_SECTOR, "US")),
          List.of(InformationCategory.BUSINESS_OPERATIONS), false,
          "Exchange payroll files", LocalDate.of(2025, 3, 1), LocalDate.of(2027, 3, 1)),
      LocalDate.of(2025, 2, 1));

  public static final AgreementFixtures.Story REMOVAL = active("A-4", T0.plusSeconds(10800),
      profile("Removal Flight Coordination", AgreementKind.MOU, Directorate.ERO,
          List.of(party("Interpol", PartyKind.INTERNATIONAL_ORGANIZATION, "FR"),
              party("uk home office", PartyKind.FOREIGN_GOVERNMENT, "gb")),
          List.of(InformationCategory.IMMIGRATION_ADMINISTRATION), true,
          "Coordinate removal flights", LocalDate.of(2023, 6, 1), null),
      LocalDate.of(2023, 6, 1));

  public static final AgreementFixtures.Story JAIL = drafted("A-5", T0.plusSeconds(14400),
      profile("County Jail Notification (C++ feed)", AgreementKind.MOA, Directorate.ERO,
          List.of(party("Harris County", PartyKind.LOCAL, "US")),
          List.of(InformationCategory.IMMIGRATION_ADMINISTRATION, InformationCategory.LAW_ENFORCEMENT), true,
          "Notify of releases", null, null));

  public static final AgreementFixtures.Story TRIBAL = active("A-6", T0.plusSeconds(18000),
      profile("Tribal Border Liaison", AgreementKind.LOI, Directorate.HSI,
          List.of(party("Tohono O'odham Nation", PartyKind.TRIBAL, "US")),
          List.of(InformationCategory.HOMELAND_SECURITY), false,
          "Border crossing alerts", LocalDate.of(2024, 9, 1), null),
      LocalDate.of(2024, 9, 1));

  public static final List<AgreementFixtures.Story> ALL = List.of(VISA, GANG, PAYROLL, REMOVAL, JAIL, TRIBAL);

  private KnownAgreements() {}
}
