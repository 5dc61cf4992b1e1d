// tests/c/abi/test_cxx_interop.cpp — the headers compiled as C++: an object
// implemented as a C++ class (pure virtual interface, Itanium vtable) is
// used by libcomrt, which calls it through the C lpVtbl view.  If the two
// layouts disagreed, VariantCopy/VariantClear would call the wrong slots.
#include <comrt.h>

#include <cstdio>

namespace {

struct Counted : public IUnknown {
    ULONG refs = 1;
    STDMETHODIMP QueryInterface(REFIID riid, void **ppv) override
    {
        if (riid == IID_IUnknown) {
            *ppv = static_cast<IUnknown *>(this);
            AddRef();
            return S_OK;
        }
        *ppv = nullptr;
        return E_NOINTERFACE;
    }
    STDMETHODIMP_(ULONG) AddRef() override { return ++refs; }
    STDMETHODIMP_(ULONG) Release() override { return --refs; }
};

int failures = 0;

void check(bool ok, const char *what)
{
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok) failures++;
}

} // namespace

int main()
{
    Counted obj;
    VARIANT a, b;
    VariantInit(&a);
    VariantInit(&b);
    V_VT(&a) = VT_UNKNOWN;
    V_UNKNOWN(&a) = &obj;
    check(VariantCopy(&b, &a) == S_OK && obj.refs == 2, "VariantCopy AddRefs a C++ object");
    check(VariantClear(&b) == S_OK && obj.refs == 1, "VariantClear Releases a C++ object");

    ICreateErrorInfo *cei = nullptr;
    IErrorInfo *ei = nullptr;
    BSTR desc = nullptr;
    check(CreateErrorInfo(&cei) == S_OK, "CreateErrorInfo from C++");
    cei->SetDescription(const_cast<LPOLESTR>(OLESTR("from C++")));
    check(cei->QueryInterface(IID_IErrorInfo, reinterpret_cast<void **>(&ei)) == S_OK,
          "a C object's QueryInterface through the C++ view");
    check(ei->GetDescription(&desc) == S_OK && SysStringLen(desc) == 8, "C object called as a C++ class");
    SysFreeString(desc);
    ei->Release();
    check(cei->Release() == 0, "reference counts balance");

    std::printf("%d passed, %d failed\n", 5 - failures, failures);
    return failures ? 1 : 0;
}
