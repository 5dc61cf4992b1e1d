/*
 * test_cy.c — VarCy* arithmetic on the 1/10000-scaled 64-bit currency.
 */
#include "comrt_test.h"

static CY cy(LONGLONG v)
{
    CY c;
    c.int64 = v;
    return c;
}

TEST(arith)
{
    CY r;
    CHECK_HR(VarCyAdd(cy(15000), cy(-5000), &r), S_OK);
    CHECK_INT(r.int64, 10000);
    CHECK_HR(VarCyAdd(cy(INT64_MAX), cy(1), &r), DISP_E_OVERFLOW);
    CHECK_HR(VarCySub(cy(INT64_MIN), cy(1), &r), DISP_E_OVERFLOW);
    CHECK_HR(VarCyMul(cy(15000), cy(25000), &r), S_OK); /* 1.5 * 2.5 */
    CHECK_INT(r.int64, 37500);
    CHECK_HR(VarCyMulI4(cy(15000), -3, &r), S_OK);
    CHECK_INT(r.int64, -45000);
    CHECK_HR(VarCyMulI8(cy(INT64_MAX), 2, &r), DISP_E_OVERFLOW);
    CHECK_HR(VarCyNeg(cy(INT64_MIN), &r), DISP_E_OVERFLOW);
    CHECK_HR(VarCyAbs(cy(-12345), &r), S_OK);
    CHECK_INT(r.int64, 12345);
}

TEST(integer_parts)
{
    CY r;
    CHECK_HR(VarCyFix(cy(-15000), &r), S_OK);
    CHECK_INT(r.int64, -10000);
    CHECK_HR(VarCyInt(cy(-15000), &r), S_OK);
    CHECK_INT(r.int64, -20000);
    CHECK_HR(VarCyRound(cy(25000), 0, &r), S_OK);
    CHECK_INT(r.int64, 20000);
    CHECK_HR(VarCyRound(cy(12350), 2, &r), S_OK);
    CHECK_INT(r.int64, 12400);
    CHECK_HR(VarCyRound(cy(12345), 4, &r), S_OK);
    CHECK_INT(r.int64, 12345);
    CHECK_HR(VarCyRound(cy(1), -1, &r), E_INVALIDARG);
}

TEST(compare)
{
    CHECK_HR(VarCyCmp(cy(1), cy(2)), VARCMP_LT);
    CHECK_HR(VarCyCmp(cy(2), cy(2)), VARCMP_EQ);
    CHECK_HR(VarCyCmpR8(cy(15000), 1.5), VARCMP_EQ);
    CHECK_HR(VarCyCmpR8(cy(15000), 1e300), DISP_E_OVERFLOW);
}

int main(void)
{
    RUN(arith);
    RUN(integer_parts);
    RUN(compare);
    return comrt_test_summary();
}
