package dev.converge.internal.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionsTest {

  @Test
  void compare_numericParts_asNumbers() {
    assertThat(Versions.compare("1.10.0", "1.9.0")).isPositive();
    assertThat(Versions.compare("v2", "v10")).isNegative();
    assertThat(Versions.compare("1.2", "1.2.0")).isZero();
  }

  @Test
  void compare_preRelease_beforeItsRelease() {
    assertThat(Versions.compare("1.2.3-rc1", "1.2.3")).isNegative();
  }

  @Test
  void compare_hugeNumbers_noOverflow() {
    assertThat(Versions.compare("12345678901234567890123", "12345678901234567890124")).isNegative();
  }

  @Test
  void same_withOrWithoutV() {
    assertThat(Versions.same("v1.2.3", "1.2.3")).isTrue();
    assertThat(Versions.same("1.2.3", "1.2.4")).isFalse();
  }

  @Test
  void isOrdered_versionsYesCommitIdsNo() {
    assertThat(Versions.isOrdered("v2")).isTrue();
    assertThat(Versions.isOrdered("1.2.3")).isTrue();
    assertThat(Versions.isOrdered("v1.2.3-rc1")).isTrue();
    assertThat(Versions.isOrdered("abc123d")).isFalse();
    assertThat(Versions.isOrdered("1234567")).isFalse();
  }
}
